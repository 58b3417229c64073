"""SimHash over a whole batch: same values as one text at a time, near copies stay close."""

from __future__ import annotations

from jobbnav.ads.dedupe import hamming, same_vacancy, simhash, simhashes

TEXT = ("Lagerarbetare till Nordlogistik AB i Borås. Du plockar och packar order, kör truck "
        "och håller ordning i lagret. Vi erbjuder kollektivavtal och friskvårdsbidrag. "
        "Urval sker löpande, så skicka gärna din ansökan redan i dag.")
OTHER = ("Sjuksköterska till vårdcentralen i Umeå. Du arbetar med mottagning, telefonrådgivning "
         "och vaccinationer tillsammans med läkare och undersköterskor i ett trevligt team.")


def test_batch_matches_one_text_at_a_time_including_short_and_empty_texts() -> None:
    texts = [TEXT, "", "kock", "kock sökes", "a a a", TEXT + " Välkommen!", OTHER, "!!!", TEXT]
    batch = simhashes(texts)
    assert batch == [simhash(t) for t in texts]
    assert batch[1] == 0 and batch[7] == 0  # no words, no vote
    assert batch[0] == batch[8]
    assert all(-(1 << 63) <= v < (1 << 63) for v in batch)  # fits SQLite's signed 64 bits


def test_near_copies_are_close_and_other_ads_far() -> None:
    copy = TEXT.replace("Vi erbjuder", "Vi på Nordlogistik erbjuder") + " Ansök senast 1 mars."
    a, b, c = simhashes([TEXT, copy, OTHER])
    assert hamming(a, b) <= 10 < hamming(a, c)
    assert same_vacancy(a, "Lagerarbetare, Borås", b, "Lagerarbetare, Borås (heltid)")
    assert not same_vacancy(a, "Lagerarbetare, Borås", c, "Sjuksköterska, Umeå")
