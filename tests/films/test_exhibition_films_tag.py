"""What the exhibition page says about its film."""

from films.templatetags.exhibition_films import film_length


def test_a_films_length_is_never_broken_across_two_lines() -> None:
    assert film_length(156) == "2\N{NO-BREAK SPACE}min\N{NO-BREAK SPACE}36\N{NO-BREAK SPACE}s"
    assert film_length(65) == "1\N{NO-BREAK SPACE}min\N{NO-BREAK SPACE}05\N{NO-BREAK SPACE}s"
    assert film_length(45) == "45\N{NO-BREAK SPACE}s"
