//! What a merge leaves out: a record the portfolio already holds is not added again, so
//! importing the same LinkedIn export or JSON Resume twice changes nothing the second
//! time. "Already holds" means the same thing by the words a person would check — the
//! same job at the same company from the same month, the same school, the same skill
//! whatever its case — not byte-identical records, so a record edited in Folio since
//! is still recognised.

use std::collections::{HashMap, HashSet};

use folio_interchange::Imported;
use folio_model::{
    CaseStudy, Certification, Education, Entity, EntityKind, Experience, PartialDate, Recommendation, Skill, Writing,
};
use folio_store::tables::records;
use folio_store::Transaction;
use uuid::Uuid;

use crate::{Result, Stats};

/// The words that make two records of a kind the same one.
pub(crate) trait MergeKey: Entity {
    fn merge_key(&self) -> String;
}

/// Lower case, single spaces: "Acme  Payments " and "acme payments" are one company.
fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
        .collect::<Vec<_>>()
        .join("|")
}

fn month(date: Option<PartialDate>) -> String {
    date.map(|d| d.without_day().to_string()).unwrap_or_default()
}

impl MergeKey for CaseStudy {
    fn merge_key(&self) -> String {
        words(&[&self.title, &self.organisation])
    }
}

impl MergeKey for Recommendation {
    fn merge_key(&self) -> String {
        words(&[&self.author_name, &self.text])
    }
}

impl MergeKey for Skill {
    fn merge_key(&self) -> String {
        words(&[&self.name])
    }
}

impl MergeKey for Experience {
    fn merge_key(&self) -> String {
        words(&[&self.organisation, &self.title, &month(self.start)])
    }
}

impl MergeKey for Certification {
    fn merge_key(&self) -> String {
        words(&[&self.name, &self.issuer])
    }
}

impl MergeKey for Education {
    fn merge_key(&self) -> String {
        words(&[&self.institution, &self.degree, &month(self.start)])
    }
}

impl MergeKey for Writing {
    fn merge_key(&self) -> String {
        words(&[&self.title])
    }
}

/// The live records of a portfolio, by kind and merge key.
pub(crate) struct Known {
    keys: HashSet<(EntityKind, String)>,
    case_studies: HashMap<String, Uuid>,
}

impl Known {
    pub fn load(tx: &Transaction<'_>) -> Result<Self> {
        let mut known = Known { keys: HashSet::new(), case_studies: HashMap::new() };
        for stored in records::list::<CaseStudy>(tx)? {
            known.case_studies.insert(stored.item.merge_key(), stored.id);
        }
        known.add::<Recommendation>(tx)?;
        known.add::<Skill>(tx)?;
        known.add::<Experience>(tx)?;
        known.add::<Certification>(tx)?;
        known.add::<Education>(tx)?;
        known.add::<Writing>(tx)?;
        Ok(known)
    }

    fn add<E: MergeKey>(&mut self, tx: &Transaction<'_>) -> Result<()> {
        for stored in records::list::<E>(tx)? {
            self.keys.insert((E::KIND, stored.item.merge_key()));
        }
        Ok(())
    }

    /// Whether the portfolio holds `item` already.
    pub fn has<E: MergeKey>(&self, item: &E) -> bool {
        self.keys.contains(&(E::KIND, item.merge_key()))
    }

    /// The id of the case study the portfolio holds that is `item`, if any.
    pub fn case_study(&self, item: &CaseStudy) -> Option<Uuid> {
        self.case_studies.get(&item.merge_key()).copied()
    }

    /// How many of the records in `r` the portfolio holds already, per kind.
    pub fn count_in(&self, r: &Imported) -> Stats {
        fn count<E: MergeKey>(known: &Known, items: &[E]) -> u64 {
            items.iter().filter(|i| known.has(*i)).count() as u64
        }
        Stats {
            case_studies: r.case_studies.iter().filter(|c| self.case_study(c).is_some()).count() as u64,
            recommendations: count(self, &r.recommendations),
            skills: count(self, &r.skills),
            experience: count(self, &r.experience),
            certifications: count(self, &r.certifications),
            education: count(self, &r.education),
            writing: count(self, &r.writing),
            ..Stats::default()
        }
    }
}
