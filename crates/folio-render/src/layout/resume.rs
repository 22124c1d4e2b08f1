//! The résumé: the same header, then experience first — each job with bullets drawn
//! from the case studies done there, their outcome and best metric — then skills,
//! education and certifications, on at most [`PAGES`] pages. When it runs over, it is
//! laid out again with less, a step at a time ([`Cut`]), and the document says what
//! was left out.

use folio_model::{Experience, Portfolio, Section, Stored};

use super::Builder;

/// The page budget of a résumé.
pub(super) const PAGES: usize = 2;

/// How much a résumé leaves out to fit its pages; each step keeps what the one before
/// it dropped out, too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cut {
    Nothing,
    JobSummaries,
    OlderJobsToTwoBullets,
    EveryJobToThreeBullets,
    Certifications,
}

impl Cut {
    pub(super) const ALL: [Cut; 5] =
        [Cut::Nothing, Cut::JobSummaries, Cut::OlderJobsToTwoBullets, Cut::EveryJobToThreeBullets, Cut::Certifications];

    /// What this step leaves out, said to the user.
    fn said(self) -> &'static str {
        match self {
            Cut::Nothing => "",
            Cut::JobSummaries => "each job's summary paragraph",
            Cut::OlderJobsToTwoBullets => "bullets beyond two for jobs before the latest two",
            Cut::EveryJobToThreeBullets => "bullets beyond three for every job",
            Cut::Certifications => "the certifications",
        }
    }

    /// The warning a résumé cut this far carries, if any.
    pub(super) fn warning(self, pages: usize) -> Option<String> {
        let cuts: Vec<&str> =
            Cut::ALL.iter().filter(|c| **c != Cut::Nothing && **c <= self).map(|c| c.said()).collect();
        match (cuts.is_empty(), pages > PAGES) {
            (true, false) => None,
            (false, false) => Some(format!("to fit the résumé on {PAGES} pages, Folio left out {}", cuts.join("; "))),
            (_, true) => Some(format!(
                "the résumé runs to {pages} pages, over its {PAGES}, even without {}; shorten the longest job",
                if cuts.is_empty() { "anything left out".to_string() } else { cuts.join("; ") }
            )),
        }
    }
}

impl Builder<'_> {
    pub(super) fn resume(&mut self, p: &Portfolio, cut: Cut) {
        let shows = |s: Section| p.sections.contains(&s);
        if shows(Section::Summary) {
            self.summary(p);
        }
        if shows(Section::Experience) && !p.experience.is_empty() {
            self.section_title("Experience");
            for (i, job) in p.experience.iter().enumerate() {
                self.job(&job.item, self.bullets(job, p, i, cut), cut < Cut::JobSummaries);
            }
        }
        if shows(Section::Skills) {
            self.skills(&p.skills);
        }
        if shows(Section::Education) {
            self.education(&p.education);
        }
        if shows(Section::Certifications) && cut < Cut::Certifications {
            self.certifications(&p.certifications);
        }
    }

    /// A job's bullets: its highlights, then one per case study done there — what came
    /// of it and its best metric — as many as `cut` allows for the `index`th job.
    fn bullets(&self, job: &Stored<Experience>, p: &Portfolio, index: usize, cut: Cut) -> Vec<String> {
        let mut bullets = folio_model::resume::job_bullets(&job.item, p);
        let limit = match cut {
            Cut::Nothing | Cut::JobSummaries => usize::MAX,
            Cut::OlderJobsToTwoBullets if index < 2 => usize::MAX,
            Cut::OlderJobsToTwoBullets => 2,
            Cut::EveryJobToThreeBullets | Cut::Certifications if index < 2 => 3,
            Cut::EveryJobToThreeBullets | Cut::Certifications => 2,
        };
        bullets.truncate(limit);
        bullets
    }
}
