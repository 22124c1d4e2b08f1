//! Line breaking, shaping and bidirectional text, on the bundled fonts.

use super::*;

fn style() -> Style {
    Style { font: FontId::SansRegular, size: Pt(10.0), color: Rgb::default(), link: None }
}

fn line_texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(|l| l.fragments.iter().flat_map(|f| &f.glyphs).map(|g| g.text.as_str()).collect()).collect()
}

#[test]
fn words_wrap_at_spaces_and_every_line_fits() {
    let text = "The ledger moved from nightly batches to events so balances are always correct";
    let lines = lay_out(&[Span::new(text, &style())], Pt(120.0), &mut Missing::default());
    assert!(lines.len() > 2);
    assert!(lines.iter().all(|l| l.width.0 <= 120.01));
    assert_eq!(line_texts(&lines).join(" "), text, "no word is lost or split");
}

#[test]
fn a_word_longer_than_the_measure_is_broken_to_fit() {
    let url = format!("https://example.com/{}", "a".repeat(300));
    let lines = lay_out(&[Span::new(url.clone(), &style())], Pt(150.0), &mut Missing::default());
    assert!(lines.len() > 3);
    assert!(lines.iter().all(|l| l.width.0 <= 150.01));
    assert_eq!(line_texts(&lines).concat(), url);
}

#[test]
fn kerning_is_applied() {
    let kerned = measure("AV", &style());
    let apart = measure("A", &style()) + measure("V", &style());
    assert!(kerned < apart, "AV should be kerned: {kerned:?} vs {apart:?}");
}

#[test]
fn characters_without_a_font_are_reported_and_left_out() {
    let mut missing = Missing::default();
    let text = "Ship it 🚀 now 👍🏽 ✅🚀, said 👩🏽‍💻 the team 🎉.";
    let lines = lay_out(&[Span::new(text, &style())], Pt(400.0), &mut missing);
    assert_eq!(missing.take(), ["🚀", "👍🏽", "✅", "👩🏽‍💻", "🎉"], "one emoji is one character, however many code points");
    assert_eq!(line_texts(&lines), ["Ship it now, said the team."], "no double space or space before a stop left");
}

#[test]
fn chinese_falls_back_to_the_cjk_font() {
    let lines = lay_out(&[Span::new("Wang 王小明", &style())], Pt(300.0), &mut Missing::default());
    let fonts: Vec<_> = lines[0].fragments.iter().map(|f| f.font).collect();
    assert_eq!(fonts, [FontId::SansRegular, FontId::Cjk]);
}

#[test]
fn lines_never_end_in_a_hyphen_that_text_extraction_would_join() {
    let text = "we gave client teams a two-month deprecation window and a well-known linter";
    for width in (60..300).step_by(7) {
        let lines = lay_out(&[Span::new(text, &style())], Pt(width as f32), &mut Missing::default());
        let texts = line_texts(&lines);
        assert!(texts.iter().all(|t| !t.ends_with('-')), "{width}: {texts:?}");
    }
}

#[test]
fn a_newline_forces_a_break() {
    let lines = lay_out(&[Span::new("one\ntwo", &style())], Pt(300.0), &mut Missing::default());
    assert_eq!(line_texts(&lines), ["one", "two"]);
}

fn fields(texts: &[&str]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            spans.push(Span::separator(&style()));
        }
        spans.push(Span::new(*text, &style()).whole());
    }
    spans
}

#[test]
fn fields_break_only_between_them_and_no_line_starts_or_ends_with_a_separator() {
    let texts = ["London, UK", "maya.okafor@example.com", "+44 20 7946 0321", "linkedin.com/in/maya-okafor-example"];
    // From the width of the longest field up.
    for width in (190..400).step_by(9) {
        let lines = lay_out(&fields(&texts), Pt(width as f32), &mut Missing::default());
        let mut read: Vec<String> = Vec::new();
        for line in &lines {
            let text: String = line.fragments.iter().flat_map(|f| &f.glyphs).map(|g| g.text.as_str()).collect();
            assert!(!text.starts_with(['·', ' ']) && !text.ends_with(['·', ' ']), "{width}: {text:?}");
            read.extend(text.split(" · ").map(str::to_string));
        }
        assert_eq!(read, texts, "{width}: every field whole, in order");
    }
}

#[test]
fn each_span_is_its_own_fragment_and_the_space_between_two_is_wide_enough_to_read_as_one() {
    let bold = Style { font: FontId::SansBold, ..style() };
    let spans = [Span::new("ten years building ", &style()), Span::new("payment platforms", &bold)];
    let lines = lay_out(&spans, Pt(400.0), &mut Missing::default());
    let [regular, strong] = &lines[0].fragments[..] else { panic!("two fragments: {:?}", lines[0].fragments) };
    let space = regular.glyphs.last().unwrap();
    assert_eq!(space.text, " ", "the space is a real character");
    assert!(space.advance.0 >= RUN_GAP * 10.0, "{:?}", space.advance);
    assert!(strong.x.0 >= regular.x.0 + regular.width().0 - 0.01);
}

#[test]
fn a_long_url_breaks_where_a_url_may_break_before_it_breaks_inside_a_word() {
    let url = format!(
        "https://mayaokafor.example.com/blog/{}/keeps-going-for-ever?ref=portfolio&utm_source=folio",
        "a-very-long-path-segment".repeat(3)
    );
    let lines = lay_out(&[Span::new(url.clone(), &style())], Pt(140.0), &mut Missing::default());
    let texts = line_texts(&lines);
    assert!(texts.len() > 3);
    assert_eq!(texts.concat(), url);
    for (line, next) in texts.iter().zip(&texts[1..]) {
        let at_boundary = line.ends_with(['/', '?']) || next.starts_with(['.', '-', '_', '?', '&']);
        assert!(at_boundary, "broken inside a word: {line:?} | {next:?}");
    }
}

#[test]
fn arabic_is_shaped_joined_and_set_right_to_left_with_its_numbers_left_to_right() {
    // "Latency fell from 840 to 120": Arabic words round two numbers.
    let text = "انخفض الزمن من 840 إلى 120";
    let lines = lay_out(&[Span::new(text, &style())], Pt(400.0), &mut Missing::default());
    let [line] = &lines[..] else { panic!("one line: {lines:?}") };
    assert!(line.rtl, "an Arabic paragraph reads right to left");
    let fonts: Vec<FontId> = line.fragments.iter().map(|f| f.font).collect();
    assert!(fonts.contains(&FontId::ArabicRegular) && fonts.contains(&FontId::SansRegular), "{fonts:?}");
    // Fragments in reading order: the first words stand rightmost.
    let xs: Vec<f32> = line.fragments.iter().map(|f| f.x.0).collect();
    assert!(xs.windows(2).all(|w| w[0] > w[1]), "{xs:?}");
    // Each Arabic fragment is drawn as seen, its glyphs' text turned round; a reader
    // who turns it back reads the words.
    let read: String = line
        .fragments
        .iter()
        .map(|f| {
            let seen: String = f.glyphs.iter().map(|g| g.text.as_str()).collect();
            if f.rtl {
                seen.chars().rev().collect()
            } else {
                seen
            }
        })
        .collect();
    assert_eq!(read, text);
    let numbers: Vec<String> =
        line.fragments.iter().filter(|f| !f.rtl).map(|f| f.glyphs.iter().map(|g| g.text.as_str()).collect()).collect();
    assert_eq!(numbers, ["840", "120"], "numbers read left to right");
}

#[test]
fn joined_letters_take_their_contextual_forms() {
    let style = style();
    let apart = lay_out(&[Span::new("ل ي ل ى", &style)], Pt(400.0), &mut Missing::default());
    let joined = lay_out(&[Span::new("ليلى", &style)], Pt(400.0), &mut Missing::default());
    let ids = |l: &[Line]| l[0].fragments.iter().flat_map(|f| f.glyphs.iter().map(|g| g.id)).collect::<Vec<_>>();
    let (apart, joined) = (ids(&apart), ids(&joined));
    assert!(joined.iter().any(|g| !apart.contains(g)), "initial, medial and final forms: {joined:?} vs {apart:?}");
}

#[test]
fn hebrew_falls_back_to_its_font_and_a_latin_paragraph_stays_left_to_right() {
    let lines = lay_out(&[Span::new("Led the team at תשלומים בע״מ", &style())], Pt(400.0), &mut Missing::default());
    assert!(!lines[0].rtl);
    assert!(lines[0].fragments.iter().any(|f| f.font == FontId::HebrewRegular && f.rtl));
}
