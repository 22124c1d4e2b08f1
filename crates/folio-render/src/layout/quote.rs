//! Recommendations: each a quote with a bar in the accent colour and its attribution.

use folio_model::{Portfolio, Recommendation, Stored};

use super::flow::{Block, LineBox};
use super::Builder;
use crate::document::{Item, Role};
use crate::units::{Pt, Rect};
use folio_model::markdown;

impl Builder<'_> {
    pub(super) fn recommendations(&mut self, list: &[Stored<Recommendation>], p: &Portfolio) {
        if list.is_empty() {
            return;
        }
        self.section_title("Recommendations");
        for r in list {
            self.quote(&r.item, p);
        }
    }

    fn quote(&mut self, r: &Recommendation, p: &Portfolio) {
        self.within(format!("recommendation from '{}'", r.author_name.trim()));
        let t = self.theme;
        let indent = Pt(14.0);
        let x = self.x + indent;
        let width = self.width - indent;
        let mut quote = LineBox::default();
        let look = self.body().italic().size(t.body_size * 1.05);
        let text = markdown::plain_text(r.text.trim());
        for b in self.text_boxes(&[look.span(format!("“{text}”"))], x, width) {
            quote.stack(b);
        }
        let about = r
            .case_study
            .and_then(|id| p.case_studies.iter().find(|c| c.id == id))
            .map(|c| format!("on {}", c.item.title.trim()))
            .unwrap_or_default();
        // "— Name · Title · Organisation · relationship · on the study": who said it,
        // each part a run of its own.
        let small = self.small();
        let mut attribution = vec![small.span("— ")];
        attribution.extend(self.fields(
            [
                self.body().bold().size(t.small_size).span(r.author_name.as_str()),
                small.span(r.author_title.as_str()),
                small.span(r.organisation.as_str()),
                small.span(r.relationship.label()),
                small.span(about),
            ],
            small,
        ));
        quote.height += Pt(3.0);
        self.stacked(&mut quote, &attribution, x, width);
        let bar = Item::Rect {
            rect: Rect { x: self.x, y: Pt(2.0), width: Pt(2.5), height: quote.height - Pt(4.0) },
            fill: self.accent,
        };
        quote.items.insert(0, bar);
        self.tag(std::slice::from_mut(&mut quote), Role::BlockQuote, None);
        self.push(Block { boxes: vec![quote], space_before: t.gap * 2.0, keep_together: true, ..Block::default() });
    }
}
