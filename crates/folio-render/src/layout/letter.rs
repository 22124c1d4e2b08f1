//! The cover letter, under the letterhead its résumé has (the [`header`](super::header)):
//! the date, the recipient, the subject, the salutation, the body, the closing and the
//! signature, in that order — what a reader and a parser expect of a letter.

use folio_model::Portfolio;

use super::flow::{Block, Mark};
use super::Builder;
use crate::units::Pt;

impl Builder<'_> {
    /// The edition's letter; nothing while it has no body.
    pub(super) fn letter(&mut self, p: &Portfolio) {
        let Some(edition) = &p.edition else { return };
        let (e, l) = (&edition.item, &edition.item.letter);
        if !l.is_written() {
            return;
        }
        self.within("the cover letter");
        let t = self.theme;
        let body = self.body();

        let date = l.date.map(|d| d.human()).unwrap_or_default();
        let company = if l.recipient_company.trim().is_empty() { &e.target_company } else { &l.recipient_company };
        let recipient = [l.recipient_name.as_str(), l.recipient_title.as_str(), company.as_str()]
            .into_iter()
            .chain(l.recipient_address.lines())
            .map(str::trim)
            .filter(|line| !line.is_empty());
        let mut first = true;
        for (field, line) in std::iter::once(("date", date.as_str()))
            .filter(|(_, d)| !d.is_empty())
            .chain(recipient.map(|line| ("recipient", line)))
        {
            self.about(field);
            let block = self.paragraph(vec![body.span(line)], if first { t.section_gap } else { Pt(0.0) });
            if first {
                // The letter is a part of its own in a bundle's outline.
                if let Some(top) = block.boxes.first_mut() {
                    top.marks.push(Mark::Outline { level: 1, title: "Cover letter".into() });
                }
            }
            first = false;
        }
        if !l.subject.trim().is_empty() {
            self.about("subject");
            self.paragraph(vec![body.bold().span(l.subject.trim())], t.section_gap);
        }
        if !l.salutation.trim().is_empty() {
            self.about("salutation");
            self.paragraph(vec![body.span(l.salutation.trim())], t.gap * 2.0);
        }
        self.about("body");
        self.markdown(l.body.trim(), body, t.gap * 2.0);
        let signature = if l.signature.trim().is_empty() { p.profile.full_name.trim() } else { l.signature.trim() };
        let sign_off: Vec<&str> = [l.closing.trim(), signature].into_iter().filter(|s| !s.is_empty()).collect();
        if !sign_off.is_empty() {
            self.about("closing");
            let boxes: Vec<_> =
                sign_off.iter().flat_map(|line| self.text_boxes(&[body.span(*line)], self.x, self.width)).collect();
            self.push(Block { boxes, space_before: t.gap * 2.0, keep_together: true, ..Block::default() });
        }
    }

    /// What follows starts on a new page.
    pub(super) fn page_break(&mut self) {
        let room = self.room;
        self.blocks.push(Block { needs_room: room, ..Block::default() });
    }
}
