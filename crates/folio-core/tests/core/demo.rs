use folio_model::{
    CaseStudy, Direction, Entity, EntityKind, ErrorCode, Recommendation, RecommendationTheme, Skill, SkillArea,
};

use crate::open;

#[test]
fn the_demo_is_a_complete_realistic_portfolio() {
    let (folio, _dir) = open();
    let stats = folio.load_demo(false).unwrap();
    assert!(stats.case_studies >= 5, "{stats:?}");
    assert!(stats.recommendations >= 4);
    assert!(stats.experience >= 1 && stats.certifications >= 1 && stats.writing >= 1);
    assert_eq!(stats.editions, 2);

    let profile = folio.profile().unwrap();
    assert!(!profile.full_name.is_empty() && !profile.links.is_empty());

    let case_studies = folio.list::<CaseStudy>().unwrap();
    for cs in &case_studies {
        assert!(cs.item.validate().is_ok());
        assert!(!cs.item.decisions.is_empty(), "{} has no decision", cs.item.title);
        assert!(cs.item.metrics.len() >= 2, "{} has fewer than 2 metrics", cs.item.title);
    }
    let labels: Vec<_> = case_studies.iter().flat_map(|c| &c.item.metrics).map(|m| m.label.as_str()).collect();
    for dora in ["Deployment frequency", "Lead time for changes", "Change failure rate", "Time to restore service"] {
        assert!(labels.contains(&dora), "the demo lacks the DORA metric {dora}");
    }
    let kinds: Vec<_> = case_studies.iter().flat_map(|c| &c.item.kinds).collect();
    for kind in ["architecture", "technical-challenge", "process-improvement"] {
        assert!(kinds.iter().any(|k| serde_json::to_value(k).unwrap() == kind), "no {kind} case study");
    }
    let lat = case_studies.iter().flat_map(|c| &c.item.metrics).find(|m| m.label == "p95 latency").unwrap();
    assert_eq!(lat.direction, Direction::LowerIsBetter);
    assert_eq!(lat.statement(), "p95 latency 840 ms → 120 ms (−86%)");

    let areas: Vec<_> = folio.list::<Skill>().unwrap().into_iter().map(|s| s.item.area).collect();
    for area in SkillArea::ALL {
        assert!(areas.contains(&area), "no skill in {area:?}");
    }
    let themes: Vec<_> = folio.list::<Recommendation>().unwrap().into_iter().flat_map(|r| r.item.themes).collect();
    assert!(themes.contains(&RecommendationTheme::Mentorship) && themes.contains(&RecommendationTheme::Collaboration));
}

#[test]
fn the_demo_refuses_a_database_that_holds_a_portfolio() {
    let (folio, _dir) = open();
    folio.create(&CaseStudy { title: "Mine".into(), ..CaseStudy::default() }).unwrap();
    let err = folio.load_demo(false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotEmpty);
    assert!(err.to_string().contains("--force"), "{err}");
    let titles: Vec<_> = folio.list::<CaseStudy>().unwrap().into_iter().map(|c| c.item.title).collect();
    assert_eq!(titles, ["Mine"], "a refused demo changes nothing");
    assert!(folio.profile().unwrap().is_empty());
}

#[test]
fn forcing_the_demo_moves_what_was_there_to_the_trash_and_can_repeat() {
    let (folio, _dir) = open();
    let mine = folio.create(&CaseStudy { title: "Mine".into(), ..CaseStudy::default() }).unwrap();
    folio.load_demo(true).unwrap();
    let stats = folio.load_demo(true).unwrap();
    let trash = folio.trash().unwrap();
    assert!(trash.iter().any(|t| t.id == mine.id && t.kind == EntityKind::CaseStudy), "my case study is restorable");
    assert_eq!(stats.trash, 1, "a second forced load replaces the first demo rather than trashing it");
    folio.restore_any(EntityKind::CaseStudy, mine.id).unwrap();
    assert!(folio.list::<CaseStudy>().unwrap().iter().any(|c| c.item.title == "Mine"));
}

#[test]
fn a_fresh_database_offers_the_example_until_a_choice_is_made() {
    let (folio, _dir) = open();
    assert!(folio.status().unwrap().fresh);
    folio.start_empty().unwrap();
    assert!(!folio.status().unwrap().fresh);
    assert_eq!(folio.stats().unwrap(), Default::default(), "starting empty adds nothing");

    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    assert!(!folio.status().unwrap().fresh);
}
