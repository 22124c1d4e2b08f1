//! Metrics: the big-number callouts under a case study's summary, and the before/after
//! bar chart drawn as vectors.

use folio_model::Metric;

use super::flow::{self, Block, LineBox};
use super::Builder;
use crate::document::{Item, Role};
use crate::text::measure;
use crate::units::{Pt, Rect};

impl Builder<'_> {
    /// Big numbers: each metric a tinted band across the column, its figure on the left
    /// and what it measures beside it. One band per metric, never side by side, so that
    /// a reader taking the page line by line reads each callout whole. With `relative`,
    /// only metrics with a change show, as that change and nothing else.
    pub(super) fn metric_callouts(&mut self, metrics: &[Metric], relative: bool) {
        let shown: Vec<&Metric> =
            metrics.iter().filter(|m| if relative { m.change_label().is_some() } else { m.result.is_some() }).collect();
        let t = self.theme;
        let pad = Pt(7.0);
        let figure_width = self.width * 0.3;
        let (figure_x, text_x) = (self.x + pad, self.x + figure_width);
        let text_width = self.width - figure_width - pad;
        let small = self.small();
        for (i, m) in shown.into_iter().enumerate() {
            // The headline figure, saying which way is better ("7.0× faster", not
            // "7.0×" beside "p95 latency"), as the editor shows it.
            let big = if relative { m.change_label() } else { m.headline() }.unwrap_or_default();
            let mut figure = LineBox { height: pad, ..LineBox::default() };
            let big_look = self.heading(t.metric_size).color(self.accent);
            self.stacked(&mut figure, &[big_look.span(big)], figure_x, figure_width - pad * 2.0);

            let mut about = LineBox { height: pad, ..LineBox::default() };
            let label_look = self.body().bold().size(t.small_size);
            self.stacked(&mut about, &[label_look.span(m.label.trim())], text_x, text_width);
            let change = match (m.baseline, m.result) {
                (Some(b), Some(r)) if !relative => format!(
                    "{} → {}",
                    folio_model::format_quantity(b, &m.unit),
                    folio_model::format_quantity(r, &m.unit)
                ),
                _ => String::new(),
            };
            let detail = self.fields([small.span(change), small.span(m.timeframe.as_str())], small);
            self.stacked(&mut about, &detail, text_x, text_width);
            // How it was measured, in the user's words; an edition that hides absolute
            // values leaves it out, as it may name them.
            if !relative && !m.note.trim().is_empty() {
                self.stacked(&mut about, &[small.italic().span(m.note.trim())], text_x, text_width);
            }

            let height = figure.height.max(about.height) + pad;
            let rect = Rect { x: self.x, y: Pt(0.0), width: self.width, height };
            let mut band = LineBox { height, ..LineBox::default() };
            band.items.push(Item::Rect { rect, fill: self.accent.tint(0.9) });
            band.items.extend(figure.items);
            band.items.extend(about.items);
            let space_before = if i == 0 { t.gap * 1.5 } else { Pt(3.0) };
            self.push(Block { boxes: vec![band], space_before, keep_together: true, ..Block::default() });
        }
    }

    /// A before/after bar chart of the metrics that have both values, drawn as vectors.
    pub(super) fn chart(&mut self, metrics: &[Metric]) {
        let pairs: Vec<&Metric> = metrics.iter().filter(|m| m.baseline.is_some() && m.result.is_some()).collect();
        if pairs.is_empty() {
            return;
        }
        let t = self.theme;
        let look = self.heading(t.body_size).color(self.accent);
        let mut boxes = self.tagged_boxes(&[look.span("Before and after")], Role::H4);
        // A chart taller than what is left of a page breaks between rows, its heading
        // said again on the next page.
        let mut continued = LineBox::default();
        self.stacked(&mut continued, &[look.span("Before and after (continued)")], self.x, self.width);
        let label_width = self.width * 0.32;
        let bars_x = self.x + label_width + Pt(8.0);
        let small = self.small();
        // Room at the right for the longest value label, so that none runs into the
        // margin beside the longest bar.
        let value_text =
            |m: &Metric, value: f64, name: &str| format!("{} {name}", folio_model::format_quantity(value, &m.unit));
        let value_room = pairs
            .iter()
            .flat_map(|m| {
                let (b, r) = (m.baseline.unwrap_or_default(), m.result.unwrap_or_default());
                [value_text(m, b, "before"), value_text(m, r, "after")]
            })
            .map(|text| measure(&text, &small.style(None)))
            .fold(Pt(0.0), Pt::max)
            + Pt(6.0);
        let bars_width = (self.width - label_width - Pt(8.0) - value_room).max(self.width * 0.2);
        let bar = t.small_size * 1.1;
        for m in &pairs {
            let (b, r) = (m.baseline.unwrap_or_default(), m.result.unwrap_or_default());
            let scale = b.abs().max(r.abs());
            let mut row = LineBox { height: Pt(4.0), ..LineBox::default() };
            let label_boxes =
                self.text_boxes(&[self.body().size(t.small_size).bold().span(m.label.trim())], self.x, label_width);
            let mut label = LineBox::default();
            for lb in label_boxes {
                label.stack(lb);
            }
            let mut bars = LineBox::default();
            for (value, fill, name) in [(b, t.rule, "before"), (r, self.accent, "after")] {
                let length = if scale > 0.0 { bars_width * (value.abs() / scale) as f32 } else { Pt(0.0) };
                let y = bars.height + Pt(1.0);
                bars.items
                    .push(Item::Rect { rect: Rect { x: bars_x, y, width: length.max(Pt(1.0)), height: bar }, fill });
                let text = value_text(m, value, name);
                let mut value_boxes =
                    self.text_boxes(&[small.span(text)], bars_x + length + Pt(4.0), value_room + bars_width);
                if let Some(vb) = value_boxes.first_mut() {
                    for item in &mut vb.items {
                        flow::shift(item, y + (bar - vb.height) / 2.0);
                    }
                    bars.items.append(&mut vb.items);
                }
                bars.height += bar + Pt(3.0);
            }
            let height = label.height.max(bars.height);
            for mut item in label.items.into_iter().chain(bars.items) {
                flow::shift(&mut item, row.height);
                row.items.push(item);
            }
            row.height += height;
            boxes.push(row);
        }
        // The chart is a figure; what it draws, said in words.
        let said = pairs.iter().map(|m| m.statement()).collect::<Vec<_>>().join("; ");
        let figure = self.element(Role::Figure, None, Some(said));
        self.tag(&mut boxes, Role::P, Some(figure));
        self.push(Block {
            boxes,
            space_before: t.gap * 2.0,
            keep_together: true,
            continued: Some(continued),
            ..Block::default()
        });
    }
}
