//! Layout tests assert on the laid-out `Document` — positions, page breaks — without
//! parsing a PDF; a few tests check the serialised bytes.

mod images;
mod layout;
mod pdf;

use folio_model::{CaseStudy, Decision, Metric, Portfolio, Profile, Recommendation, Stored};
use folio_render::{Document, Images, LayoutOptions};
use uuid::Uuid;

pub fn stored<T>(item: T) -> Stored<T> {
    Stored { id: Uuid::now_v7(), created_at: 0, updated_at: 0, item }
}

pub fn portfolio(case_studies: Vec<CaseStudy>, recommendations: Vec<Recommendation>) -> Portfolio {
    Portfolio {
        profile: Profile { full_name: "Jane Doe".into(), headline: "Staff Engineer".into(), ..Profile::default() },
        case_studies: case_studies.into_iter().map(stored).collect(),
        recommendations: recommendations.into_iter().map(stored).collect(),
        ..Portfolio::default()
    }
}

pub fn words(n: usize) -> String {
    (0..n).map(|i| ["ledger", "latency", "review", "migration", "team", "kafka"][i % 6]).collect::<Vec<_>>().join(" ")
}

pub fn rich_case_study(title: &str) -> CaseStudy {
    CaseStudy {
        title: title.into(),
        organisation: "Acme".into(),
        summary: words(30),
        context: words(180),
        contribution: format!("{}\n\n- {}\n- {}", words(90), words(20), words(25)),
        outcome: words(60),
        decisions: vec![Decision { title: "Use an outbox".into(), rationale: words(70), ..Decision::default() }],
        metrics: vec![Metric {
            label: "p95 latency".into(),
            unit: "ms".into(),
            baseline: Some(840.0),
            result: Some(120.0),
            direction: folio_model::Direction::LowerIsBetter,
            ..Metric::default()
        }],
        ..CaseStudy::default()
    }
}

pub fn lay_out(p: &Portfolio, theme: &str) -> Document {
    let theme = folio_render::theme(theme).unwrap();
    folio_render::layout(
        p,
        &LayoutOptions {
            theme,
            paper: folio_model::Paper::A4,
            format: folio_model::DocumentFormat::Portfolio,
            accent: None,
            images: &Images::new(),
        },
    )
}
