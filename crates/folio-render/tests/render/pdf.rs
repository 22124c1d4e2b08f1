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

#[test]
fn the_bytes_do_not_depend_on_how_many_threads_make_them() {
    // Case studies are laid out and streams compressed on every core; words are shaped
    // once per thread. Right-to-left and CJK text takes the fallback fonts too.
    let mut studies: Vec<_> = (0..12).map(|i| rich_case_study(&format!("Study {i}"))).collect();
    studies[3].summary = "Migrated the ledger — نقل دفتر الأستاذ — and 王 signed off ≈ 2× faster".into();
    studies[7].context = "עברית in the middle of the ledger migration".into();
    let p = portfolio(studies, vec![]);
    let options = PdfOptions { created: 1_764_000_000, document_id: [7; 16] };
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| pdf(&lay_out(&p, "modern"), &options, &Images::new()).unwrap())
    };
    let one = on(1);
    for threads in [2, 3, 8] {
        assert!(on(threads) == one, "{threads} threads wrote other bytes than one thread");
    }
}
