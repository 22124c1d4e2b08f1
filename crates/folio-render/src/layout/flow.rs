//! Pagination: a flow of blocks, each a stack of line boxes, poured into pages.
//!
//! The rules that keep a page readable live here, once, for every kind of content: a
//! block marked `keep_together` (a metric row, a chart, a quote, an image) never splits
//! unless it is taller than a page; a block marked `keep_with_next` (a heading) moves to
//! the next page with the start of what follows; and a paragraph never leaves a single
//! line at the bottom of a page; a block that `needs_room` (a case study's title) starts
//! a new page when less than that is left.

use crate::document::{Destination, Item, Page};
use crate::units::{Point, Pt};

/// A mark in the flow that the document refers back to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    Outline { level: u8, title: String },
    Anchor(usize),
}

/// One unbreakable line of content: items with `y` relative to the box's top.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineBox {
    pub height: Pt,
    pub items: Vec<Item>,
    pub marks: Vec<Mark>,
}

impl LineBox {
    /// Appends `other` below this box.
    pub fn stack(&mut self, mut other: LineBox) {
        for item in &mut other.items {
            shift(item, self.height);
        }
        self.items.append(&mut other.items);
        self.marks.append(&mut other.marks);
        self.height += other.height;
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    pub boxes: Vec<LineBox>,
    pub space_before: Pt,
    pub keep_together: bool,
    pub keep_with_next: bool,
    /// Start on a new page unless at least this much of the page is left.
    pub needs_room: Pt,
    /// Drawn at the top of every page the block continues on (a chart's heading).
    pub continued: Option<LineBox>,
}

impl Block {
    pub fn height(&self) -> Pt {
        self.boxes.iter().map(|b| b.height).sum()
    }

    /// What must fit on the page for the block to start there.
    fn minimum(&self) -> Pt {
        if self.keep_together {
            self.height()
        } else {
            // At least two lines, so that no single line is orphaned.
            self.boxes.iter().take(2).map(|b| b.height).sum()
        }
    }
}

/// The content area of every page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub top: Pt,
    pub bottom: Pt,
}

pub(crate) fn shift(item: &mut Item, dy: Pt) {
    match item {
        Item::Text(t) => t.origin.y += dy,
        Item::Rect { rect, .. } | Item::Link { rect, .. } => rect.y += dy,
        Item::Image { rect, round, .. } => {
            rect.y += dy;
            if let Some(frame) = round {
                frame.y += dy;
            }
        }
        Item::Line { from, to, .. } => {
            *from = Point { x: from.x, y: from.y + dy };
            *to = Point { x: to.x, y: to.y + dy };
        }
    }
}

/// Pours `blocks` into pages; returns the pages and where each mark landed.
pub(crate) fn paginate(blocks: Vec<Block>, frame: Frame) -> (Vec<Page>, Vec<(Mark, Destination)>) {
    let mut pages = vec![Page::default()];
    let mut marks = Vec::new();
    let mut y = frame.top;
    let room = frame.bottom - frame.top;

    // How much must fit for block `i` to start: its minimum, plus the start of every
    // block it keeps with.
    let lead = |i: usize| {
        let mut need = blocks[i].minimum();
        let mut j = i;
        while blocks[j].keep_with_next && j + 1 < blocks.len() {
            j += 1;
            need += blocks[j].space_before + blocks[j].minimum();
        }
        need.min(room)
    };

    for (i, block) in blocks.iter().enumerate() {
        let at_top = y == frame.top;
        let needs = lead(i).max(block.needs_room);
        if !at_top && y + block.space_before + needs > frame.bottom {
            pages.push(Page::default());
            y = frame.top;
        }
        if y > frame.top {
            y += block.space_before;
        }
        for line in &block.boxes {
            if y + line.height > frame.bottom && y > frame.top {
                pages.push(Page::default());
                y = frame.top;
                if let Some(heading) = &block.continued {
                    let page = pages.len() - 1;
                    pages[page].items.extend(heading.items.iter().cloned().map(|mut item| {
                        shift(&mut item, y);
                        item
                    }));
                    y += heading.height;
                }
            }
            let page = pages.len() - 1;
            for item in &line.items {
                let mut item = item.clone();
                shift(&mut item, y);
                pages[page].items.push(item);
            }
            for mark in &line.marks {
                marks.push((mark.clone(), Destination { page, y }));
            }
            y += line.height;
        }
    }
    (pages, marks)
}
