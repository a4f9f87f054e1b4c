"""competition.validators: each kind of mistake in a NIP, REGON or KRS gets its
own message and code (issue 13, point 2)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from competition import validators


def refusal(cleaner, value):
    with pytest.raises(ValidationError) as caught:
        cleaner(value)
    (message,) = caught.value.messages
    return caught.value.code, message


# -- NIP ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["856-734-62-15", "856 734 62 15", "PL8567346215", " 8567346215 "]
)
def test_a_valid_nip_is_normalised(value):
    assert validators.clean_nip(value) == "8567346215"


def test_a_nip_with_a_wrong_check_digit_says_so():
    code, message = refusal(validators.clean_nip, "856-734-62-16")
    assert code == "invalid_nip_checksum"
    assert message == (
        "Ten NIP ma błędną cyfrę kontrolną – sprawdź, czy nie ma literówki."
    )


def test_a_short_nip_counts_the_digits():
    code, message = refusal(validators.clean_nip, "856-734-62")
    assert code == "invalid_nip_too_short"
    assert message == ("NIP ma 10 cyfr, a wpisano 8 – sprawdź, czy żadnej nie brakuje.")


def test_a_long_nip_counts_the_digits():
    code, message = refusal(validators.clean_nip, "856-734-62-155")
    assert code == "invalid_nip_too_long"
    assert "NIP ma 10 cyfr, a wpisano 11" in message


@pytest.mark.parametrize("value", ["856-734-62-1O", "856/734/62/15", "NIP 8567346215"])
def test_a_nip_with_other_characters_names_them(value):
    code, message = refusal(validators.clean_nip, value)
    assert code == "invalid_nip_characters"
    assert "tylko cyfry" in message


@given(st.from_regex(r"\A[0-9]{9}\Z"), st.integers(min_value=0, max_value=9))
def test_every_wrong_check_digit_is_reported_as_such(body, digit):
    number = body + str(digit)
    if stdnum_nip.is_valid(number):
        assert validators.clean_nip(number) == number
    else:
        assert refusal(validators.clean_nip, number)[0] == "invalid_nip_checksum"


# -- REGON ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["192598184", "123456785", "12345678512347"])
def test_a_valid_regon_is_accepted(value):
    assert validators.clean_regon(value) == value


@pytest.mark.parametrize("value", ["192598183", "12345678512348", "12345678612342"])
def test_a_regon_with_a_wrong_check_digit_says_so(value):
    code, message = refusal(validators.clean_regon, value)
    assert code == "invalid_regon_checksum"
    assert message == (
        "Ten REGON ma błędną cyfrę kontrolną – sprawdź, czy nie ma literówki."
    )


@pytest.mark.parametrize(
    ("value", "code", "typed"),
    [
        ("19259818", "invalid_regon_too_short", 8),
        ("1925981841", "invalid_regon_length", 10),
        ("1234567851234", "invalid_regon_length", 13),
        ("123456785123470", "invalid_regon_too_long", 15),
    ],
)
def test_a_regon_of_the_wrong_length_counts_the_digits(value, code, typed):
    found, message = refusal(validators.clean_regon, value)
    assert found == code
    assert f"REGON ma 9 albo 14 cyfr, a wpisano {typed}" in message


def test_a_regon_with_letters_names_them():
    code, message = refusal(validators.clean_regon, "19259818A")
    assert code == "invalid_regon_characters"
    assert "tylko cyfry" in message


@given(st.from_regex(r"\A[0-9]{8}\Z"))
def test_a_regon_is_accepted_exactly_when_its_check_digit_fits(body):
    right = body + stdnum_regon.calc_check_digit(body)
    assert validators.clean_regon(right) == right
    wrong = body + str((int(right[-1]) + 1) % 10)
    assert refusal(validators.clean_regon, wrong)[0] == "invalid_regon_checksum"


# -- KRS ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0000359730", "359730", "0000-359-730"])
def test_a_krs_number_is_padded_to_ten_digits(value):
    assert validators.clean_krs(value) == "0000359730"


def test_a_long_krs_number_counts_the_digits():
    code, message = refusal(validators.clean_krs, "12345678901")
    assert code == "invalid_krs_too_long"
    assert "Numer KRS ma 10 cyfr, a wpisano 11" in message


def test_a_krs_number_with_letters_names_them():
    code, message = refusal(validators.clean_krs, "KRS 359730")
    assert code == "invalid_krs_characters"
    assert "tylko cyfry" in message


def test_a_krs_number_of_zeros_is_refused():
    code, message = refusal(validators.clean_krs, "0000")
    assert code == "invalid_krs_zero"
    assert "samych zer" in message


# -- short enough for the column -----------------------------------------------


@pytest.mark.parametrize(
    ("cleaner", "value"),
    [
        (validators.clean_nip, "856-734-62-16"),
        (validators.clean_nip, "856-734-62"),
        (validators.clean_nip, "856-734-62-155"),
        (validators.clean_nip, "856-734-62-1O"),
        (validators.clean_regon, "192598183"),
        (validators.clean_regon, "1925981"),
        (validators.clean_regon, "19259818A"),
        (validators.clean_krs, "12345678901"),
        (validators.clean_krs, "KRS 1"),
    ],
)
def test_every_message_is_one_short_sentence(cleaner, value):
    # At 375 px a line holds about 40 characters: 80 is two lines at most.
    assert len(refusal(cleaner, value)[1]) <= 80
