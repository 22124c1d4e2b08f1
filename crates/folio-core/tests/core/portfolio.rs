use folio_model::{CaseStudy, Edition, ErrorCode, Section, SectionToggle};

use crate::open;

#[test]
fn without_an_edition_the_portfolio_holds_everything_consented() {
    let (folio, _dir) = open();
    let stats = folio.load_demo(false).unwrap();
    let p = folio.portfolio(None).unwrap();
    assert_eq!(p.case_studies.len() as u64, stats.case_studies);
    assert_eq!(p.sections, Section::ALL);
    assert!(p.recommendations.iter().all(|r| r.item.consent), "unconsented quotes stay out by default");
    assert!((p.recommendations.len() as u64) < stats.recommendations, "the demo has one unconsented quote");
}

#[test]
fn an_edition_selects_and_orders_case_studies_and_switches_sections_off() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let all = folio.list::<CaseStudy>().unwrap();
    let edition = folio
        .create(&Edition {
            name: "Staff Engineer — Acme".into(),
            case_studies: vec![all[3].id, all[0].id],
            sections: vec![SectionToggle { section: Section::Writing, enabled: false }],
            ..Edition::default()
        })
        .unwrap();
    let p = folio.portfolio(Some(edition.id)).unwrap();
    let titles: Vec<_> = p.case_studies.iter().map(|c| c.item.title.as_str()).collect();
    assert_eq!(titles, [all[3].item.title.as_str(), all[0].item.title.as_str()]);
    assert!(p.writing.is_empty() && !p.sections.contains(&Section::Writing));
    assert!(!p.experience.is_empty());

    folio.delete(folio_model::EntityKind::CaseStudy, all[3].id).unwrap();
    let p = folio.portfolio(Some(edition.id)).unwrap();
    assert_eq!(p.case_studies.len(), 1, "a trashed case study leaves the edition quietly");
}

#[test]
fn editions_are_found_by_name_and_a_wrong_name_lists_the_real_ones() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let first = folio.list::<Edition>().unwrap().remove(0);
    let found = folio.edition_by_name(&first.item.name.to_uppercase()).unwrap();
    assert_eq!(found.id, first.id);
    let err = folio.edition_by_name("Nope").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains(&first.item.name), "{err}");
}
