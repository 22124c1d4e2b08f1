//! The LinkedIn kit: every field within LinkedIn's limits however long the portfolio's
//! texts, and a copied field marked out of date exactly when what it would say changes.

use folio_core::{Check, Folio, KitField, KitUnit, LinkedinKit};
use folio_model::{CaseStudy, ErrorCode, Experience, Metric, Profile, Skill};

use crate::open;

fn demo() -> (Folio, tempfile::TempDir) {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    (folio, dir)
}

fn within_limits(kit: &LinkedinKit) {
    for f in &kit.fields {
        match f.unit {
            KitUnit::Characters => assert_eq!(f.used as usize, f.text.chars().count(), "{}", f.label),
            KitUnit::Items => assert_eq!(f.used as usize, f.text.lines().count(), "{}", f.label),
        }
        assert!(f.used <= f.limit, "{}: {} of {}", f.label, f.used, f.limit);
    }
    let skills = kit.fields.iter().find(|f| f.key == "skills").unwrap();
    assert!(skills.text.lines().all(|s| s.chars().count() <= 80), "a skill's name is at most 80 characters");
}

fn field<'a>(kit: &'a LinkedinKit, key: &str) -> &'a KitField {
    kit.fields.iter().find(|f| f.key == key).unwrap_or_else(|| panic!("no field {key}"))
}

#[test]
fn the_demo_kit_fills_every_linkedin_field_within_its_limit() {
    let (folio, _dir) = demo();
    let kit = folio.linkedin_kit(None).unwrap();
    within_limits(&kit);
    let jobs = folio.list::<Experience>().unwrap();
    let keys: Vec<&str> = kit.fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys.len(), 4 + jobs.len(), "headline, about, one per role, skills, featured: {keys:?}");
    assert_eq!((keys[0], keys[1], keys[keys.len() - 1]), ("headline", "about", "featured"));
    let about = field(&kit, "about");
    assert!(about.text.contains("Selected work:\n• Event-driven payment ledger for Acme Payments: "), "{}", about.text);
    assert!(!about.text.contains("**") && !about.text.contains("]("), "LinkedIn shows no Markdown");
    let acme = field(&kit, &format!("experience:{}", jobs[0].id));
    assert_eq!(acme.label, "Experience: Staff Engineer at Acme Payments");
    assert!(acme.text.contains("• Event-driven payment ledger for Acme Payments"), "its case studies: {}", acme.text);
    assert!(kit.fields.iter().all(|f| f.copied_at.is_none() && f.stale.is_none()));
}

#[test]
fn a_portfolio_of_very_long_texts_still_fits_every_limit() {
    let (folio, _dir) = open();
    let words = |n: usize| (0..n).map(|i| format!("word{i}")).collect::<Vec<_>>().join(" ");
    folio
        .update_profile(&Profile {
            full_name: "Zoë Ødegård".into(),
            // No headline: the latest role stands in, too long for LinkedIn's 220.
            summary: words(400),
            ..Profile::default()
        })
        .unwrap();
    let job = Experience {
        organisation: format!("Acme Payments {}", words(25)),
        title: words(28),
        summary: words(300),
        highlights: (0..20).map(|_| words(30)).collect(),
        ..Experience::default()
    };
    folio.create(&job).unwrap();
    for i in 0..40 {
        let metric = Metric { label: words(20), result: Some(i as f64), ..Metric::default() };
        let cs = CaseStudy {
            title: format!("{i} {}", words(25)),
            organisation: "Acme Payments".into(),
            metrics: vec![metric],
            ..CaseStudy::default()
        };
        folio.create(&cs).unwrap();
    }
    for i in 0..150 {
        folio.create(&Skill { name: format!("{i} {}", words(25)), ..Skill::default() }).unwrap();
    }
    let kit = folio.linkedin_kit(None).unwrap();
    within_limits(&kit);
    assert!(field(&kit, "headline").text.ends_with('…'), "a long headline is cut, and shows it");
    let role = kit.fields.iter().find(|f| f.key.starts_with("experience:")).unwrap();
    assert!(role.text.contains("…\n\n• word0"), "a long summary leaves room for the results: {}", role.text);
    assert_eq!(field(&kit, "skills").used, 100, "LinkedIn takes 100 skills");
}

#[test]
fn changing_a_case_study_marks_exactly_the_copied_fields_it_changes() {
    let (folio, _dir) = demo();
    let jobs = folio.list::<Experience>().unwrap();
    let (acme, brightline) = (format!("experience:{}", jobs[0].id), format!("experience:{}", jobs[1].id));
    for key in ["headline", "about", "skills", acme.as_str(), brightline.as_str()] {
        let copied = folio.mark_linkedin_copied(key, None).unwrap();
        assert!(copied.copied_at.is_some() && copied.stale.is_none());
    }
    let kit = folio.linkedin_kit(None).unwrap();
    assert!(kit.fields.iter().all(|f| f.stale.is_none()), "nothing changed yet");

    let ledger =
        folio.list::<CaseStudy>().unwrap().into_iter().find(|c| c.item.title.starts_with("Event-driven")).unwrap();
    let renamed = CaseStudy { title: "Ledger migration".into(), ..ledger.item.clone() };
    folio.update(ledger.id, &renamed).unwrap();

    let kit = folio.linkedin_kit(None).unwrap();
    let stale: Vec<&str> = kit.fields.iter().filter(|f| f.stale.is_some()).map(|f| f.key.as_str()).collect();
    assert_eq!(stale, ["about", acme.as_str()], "the About and Acme's role mention it; nothing else changed");
    assert_eq!(
        field(&kit, "about").stale.as_deref(),
        Some("Your LinkedIn About no longer mentions Event-driven payment ledger for Acme Payments")
    );
    assert!(field(&kit, "featured").copied_at.is_none() && field(&kit, "featured").stale.is_none(), "never copied");

    // The coach says so too, until the field is copied again.
    let findings = |folio: &Folio| -> Vec<String> {
        let report = folio.coach(None).unwrap();
        report.findings.into_iter().filter(|f| f.check == Check::LinkedinOutOfDate).map(|f| f.message).collect()
    };
    let said = findings(&folio);
    assert_eq!(said.len(), 2);
    assert_eq!(said[0], "Your LinkedIn About no longer mentions Event-driven payment ledger for Acme Payments");
    folio.mark_linkedin_copied("about", None).unwrap();
    folio.mark_linkedin_copied(&acme, None).unwrap();
    assert!(findings(&folio).is_empty());
}

#[test]
fn a_field_the_kit_does_not_have_cannot_be_marked_copied() {
    let (folio, _dir) = demo();
    let err = folio.mark_linkedin_copied("experience:not-a-role", None).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("\"experience:not-a-role\" is not a field of the LinkedIn kit"), "{err}");
    assert!(folio.linkedin_kit(None).unwrap().fields.iter().all(|f| f.copied_at.is_none()));
}
