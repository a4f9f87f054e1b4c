"""The TERYT loader: the whole województwo, consistent codes, lookups."""

import teryt


def test_counts_match_the_register():
    assert len(teryt.powiaty()) == 42
    assert len(teryt.gminy()) == 314


def test_every_gmina_belongs_to_a_known_powiat():
    codes = {item["teryt"] for item in teryt.powiaty()}
    for item in teryt.gminy():
        assert len(item["teryt"]) == 7 and item["teryt"].isdigit()
        assert item["teryt"][:4] in codes, item
        assert item["powiat_teryt"] == item["teryt"][:4]
    assert sum(len(teryt.gminy_in_powiat(code)) for code in codes) == 314


def test_powiat_gmina_counts_agree():
    for item in teryt.powiaty():
        assert len(teryt.gminy_in_powiat(item["teryt"])) == item["gminy_count"]


def test_lookups_by_code():
    assert teryt.powiat("1408")["name"] == "powiat legionowski"
    assert teryt.powiat("1463")["name"] == "Radom"
    assert teryt.gmina("1408011")["name"] == "Legionowo"
    assert teryt.gmina("1402022")["kind"] == "gmina wiejska"
    assert teryt.powiat("1431") is None  # powiat warszawski, abolished in 2002
    assert teryt.powiat("9999") is None
    assert teryt.gmina("1408") is None
    assert teryt.gmina("") is None


def test_sorted_by_name_in_polish_order():
    names = [item["name"] for item in teryt.powiaty()]
    assert names.index("powiat łosicki") < names.index("powiat makowski")
    assert names.index("Płock") < names.index("powiat białobrzeski")  # ł < o
    assert names[-1] == "Warszawa"
    assert names[0] == "Ostrołęka"
    legionowski = [item["name"] for item in teryt.gminy_in_powiat("1408")]
    assert legionowski == ["Jabłonna", "Legionowo", "Nieporęt", "Serock", "Wieliszew"]
    assert teryt.gminy_in_powiat("0000") == []


def test_label_tells_same_named_gminas_apart():
    town, rural = teryt.gmina("1402011"), teryt.gmina("1402022")
    assert teryt.gmina_label(town) != teryt.gmina_label(rural)
    assert teryt.gmina_label(rural) == "Ciechanów (gmina wiejska)"


def test_choices_cover_every_code_once():
    assert [code for code, _ in teryt.powiat_choices()] == [
        item["teryt"] for item in teryt.powiaty()
    ]
    codes = [code for _, group in teryt.gmina_choices() for code, _ in group]
    assert sorted(codes) == sorted(item["teryt"] for item in teryt.gminy())
