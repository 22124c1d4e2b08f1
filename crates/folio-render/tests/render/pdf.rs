use folio_render::{pdf, Images, PdfOptions};

use crate::{lay_out, portfolio, rich_case_study};

#[test]
fn the_same_document_and_options_give_the_same_bytes() {
    let p = portfolio((0..3).map(|i| rich_case_study(&format!("Study {i}"))).collect(), vec![]);
    let options = PdfOptions { created: 1_764_000_000, document_id: [7; 16] };
    let a = pdf(&lay_out(&p, "modern"), &options, &Images::new()).unwrap();
    let b = pdf(&lay_out(&p, "modern"), &options, &Images::new()).unwrap();
    assert!(a.starts_with(b"%PDF-"));
    assert_eq!(a, b);
    let later = pdf(&lay_out(&p, "modern"), &PdfOptions { created: 1_764_000_001, ..options }, &Images::new()).unwrap();
    assert_ne!(a, later, "the creation time is part of the document");
}
