"""Hypothesis strategies shared by the property tests: texts of given pieces between separators."""

from hypothesis import strategies as st


def joined(pieces: list[str], seps: list[str]) -> str:
    """Each piece followed by its separator (extra separators are ignored)."""
    return "".join(p + s for p, s in zip(pieces, seps, strict=False))


def texts(pieces: list[str], separators: list[str], size: int) -> st.SearchStrategy[str]:
    """Up to `size` pieces, each followed by one of `separators`."""
    return st.builds(
        joined,
        st.lists(st.sampled_from(pieces), max_size=size),
        st.lists(st.sampled_from(separators), min_size=size, max_size=size),
    )
