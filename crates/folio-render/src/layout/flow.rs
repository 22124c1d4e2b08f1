//! Pagination: a flow of blocks, each a stack of line boxes, poured into pages.
//!
//! The rules that keep a page readable live here, once, for every kind of content: a
//! block marked `keep_together` (a metric row, a chart, a quote, an image) never splits
//! unless it is taller than a page; a block marked `keep_with_next` (a heading) moves to
//! the next page with the start of what follows; and a paragraph never leaves a single
//! line at the bottom of a page; a block that `needs_room` (a case study's title) starts
//! a new page when less than that is left; and a figure that would move to the next
//! page is drawn smaller instead, when it can stay at least [`Shrink::least`] of its
//! size, so that no gap is left where it would have stood.

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
    /// An image at the top of the block that may be drawn smaller to fit a page.
    pub shrink: Option<Shrink>,
}

/// The image at the top of a block's first box: where its left edge is and how tall
/// it is, and the least share of that it may be scaled to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shrink {
    pub left: Pt,
    pub height: Pt,
    pub least: f32,
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

    let leads: Vec<Pt> = (0..blocks.len()).map(lead).collect();

    // The blocks are moved into the pages, not copied: a long portfolio's text is the
    // largest thing export holds in memory.
    for (block, lead) in blocks.into_iter().zip(leads) {
        let at_top = y == frame.top;
        let needs = lead.max(block.needs_room);
        let mut block = block;
        if !at_top && y + block.space_before + needs > frame.bottom {
            match block.shrink.and_then(|s| shrink(&block, s, frame.bottom - y - block.space_before)) {
                Some(smaller) => block = smaller,
                None => {
                    pages.push(Page::default());
                    y = frame.top;
                }
            }
        }
        if y > frame.top {
            y += block.space_before;
        }
        for line in block.boxes {
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
            pages[page].items.extend(line.items.into_iter().map(|mut item| {
                shift(&mut item, y);
                item
            }));
            for mark in line.marks {
                marks.push((mark, Destination { page, y }));
            }
            y += line.height;
        }
    }
    (pages, marks)
}

/// `block` with its image scaled down to fit `room`, and what stands under the image
/// moved up; `None` when it would have to be smaller than `shrink.least` of its size.
fn shrink(block: &Block, shrink: Shrink, room: Pt) -> Option<Block> {
    let rest = block.height() - shrink.height;
    let scale = (room - rest).0 / shrink.height.0;
    if !(shrink.least..1.0).contains(&scale) || block.boxes.len() != 1 {
        return None;
    }
    let mut block = block.clone();
    let first = &mut block.boxes[0];
    let lost = shrink.height * (1.0 - scale);
    let x = |x: Pt| shrink.left + (x - shrink.left) * scale;
    for item in &mut first.items {
        match item {
            Item::Image { rect, .. } => {
                *rect = crate::units::Rect {
                    x: x(rect.x),
                    y: rect.y * scale,
                    width: rect.width * scale,
                    height: rect.height * scale,
                };
            }
            Item::Line { from, to, .. } if from.y.0.max(to.y.0) <= shrink.height.0 + 0.01 => {
                *from = Point { x: x(from.x), y: from.y * scale };
                *to = Point { x: x(to.x), y: to.y * scale };
            }
            other => shift(other, -lost),
        }
    }
    first.height -= lost;
    Some(block)
}
