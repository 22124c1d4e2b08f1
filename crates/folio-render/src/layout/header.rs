//! The head of the first page — name, headline, contact line, photo — and the running
//! footer of every page.

use folio_model::Portfolio;

use super::flow::Block;
use super::{runs, Builder};
use crate::document::{Item, LinkTarget, Page, Role};
use crate::text::{lay_out, measure, Missing, Span};
use crate::units::{Pt, Rect};

impl Builder<'_> {
    pub(super) fn header(&mut self, p: &Portfolio) {
        self.within("the profile");
        let t = self.theme;
        let profile = &p.profile;
        // The photo sits at the right of the header; the text keeps clear of it.
        let photo = profile.photo.filter(|id| self.images.get(id).is_some());
        let diameter = Pt(68.0);
        let (full_width, first_block) = (self.width, self.blocks.len());
        if photo.is_some() {
            self.width = full_width - diameter - Pt(18.0);
        }
        let name = if profile.full_name.trim().is_empty() { "Portfolio" } else { profile.full_name.trim() };
        self.fields.name = name.to_string();
        let name_look = self.heading(t.name_size);
        let boxes = self.tagged_boxes(&[name_look.span(name)], Role::H1);
        self.push(Block { boxes, ..Block::default() });
        if !profile.headline.trim().is_empty() {
            let look = self.body().size(t.body_size * 1.25).color(self.accent);
            self.paragraph(vec![look.span(profile.headline.trim())], Pt(2.0));
        }
        let contact = self.contact(p);
        if !contact.is_empty() {
            self.paragraph(contact, Pt(6.0));
        }
        self.width = full_width;
        let mut rule_space = Pt(0.0);
        if let Some(asset) = photo {
            let header = &self.blocks[first_block..];
            let height: Pt =
                header.iter().enumerate().map(|(i, b)| b.height() + if i > 0 { b.space_before } else { Pt(0.0) }).sum();
            rule_space = (diameter - height + Pt(2.0)).max(Pt(0.0));
            let image = self.images.get(&asset).expect("checked above");
            let circle = Rect { x: self.x + full_width - diameter, y: Pt(0.0), width: diameter, height: diameter };
            // Fill the circle, cropping the longer side around its middle.
            let aspect = image.width as f32 / image.height as f32;
            let (w, h) = if aspect >= 1.0 { (diameter * aspect, diameter) } else { (diameter, diameter / aspect) };
            let rect =
                Rect { x: circle.x - (w - diameter) / 2.0, y: circle.y - (h - diameter) / 2.0, width: w, height: h };
            let photo = self.element(Role::Figure, None, Some(format!("Photo of {name}")));
            if let Some(first) = self.blocks[first_block].boxes.first_mut() {
                first.items.push(Item::Image { rect, asset, round: Some(circle), element: Some(photo) });
            }
        }
        let rule = self.rule_box(self.accent, Pt(1.2), Pt(7.0));
        self.push(Block { boxes: vec![rule], space_before: rule_space, ..Block::default() });
    }

    /// Location, e-mail, phone and links: each a run of its own, and the line breaks
    /// only between them, never inside an address.
    fn contact(&mut self, p: &Portfolio) -> Vec<Span> {
        let profile = &p.profile;
        let (small, text) = (self.small(), self.small().color(self.theme.text));
        let email = profile.email.trim();
        self.fields.email = email.to_string();
        self.fields.phone = profile.phone.trim().to_string();
        self.fields.links = profile.links.iter().map(|l| super::display_url(&l.url).to_string()).collect();
        // Empty fields are left out by `fields`.
        let mut fields = vec![
            small.span(profile.location.trim()),
            text.link(email, LinkTarget::Uri(format!("mailto:{email}"))),
            small.span(profile.phone.trim()),
        ];
        fields.extend(
            profile
                .links
                .iter()
                .map(|link| text.link(super::display_url(&link.url), LinkTarget::Uri(link.url.clone()))),
        );
        self.fields(fields, small)
    }

    /// The name on the left and "n / N" on the right of every page's foot, as page
    /// furniture: drawn before the page's content and marked as an artifact. What the
    /// name lacks a font for was said of the header already.
    pub(super) fn footers(&mut self, pages: &mut [Page], name: &str, baseline: Pt) {
        let total = pages.len();
        let small = self.small();
        for (i, page) in pages.iter_mut().enumerate() {
            let number = format!("{} / {total}", i + 1);
            let width = measure(&number, &small.style(None));
            if !name.trim().is_empty() {
                let lines = lay_out(&[small.span(name.trim())], self.width / 2.0, &mut Missing::default());
                if let Some(line) = lines.into_iter().next() {
                    page.furniture.extend(runs(line, self.x, baseline));
                }
            }
            for line in lay_out(&[small.span(&number)], Pt(200.0), &mut Missing::default()) {
                page.furniture.extend(runs(line, self.x + self.width - width, baseline));
            }
        }
    }
}
