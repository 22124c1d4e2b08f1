//! The bundled example portfolio: a realistic technical lead, so that a new user sees
//! what a finished portfolio looks like before typing a word.

use folio_model::{
    CaseStudy, Certification, Edition, Education, Entity, EntityKind, Experience, Profile, Recommendation, Skill,
    Writing,
};
use folio_store::tables::{profile, records};
use folio_store::Transaction;
use serde::Deserialize;
use uuid::Uuid;

use crate::{Error, Folio, Result, Stats};

/// A record with the id it keeps across loads, so editions can refer to case studies.
#[derive(Deserialize)]
struct Seed<T> {
    id: Uuid,
    #[serde(flatten)]
    item: T,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Demo {
    profile: Profile,
    case_studies: Vec<Seed<CaseStudy>>,
    recommendations: Vec<Seed<Recommendation>>,
    skills: Vec<Seed<Skill>>,
    experience: Vec<Seed<Experience>>,
    certifications: Vec<Seed<Certification>>,
    education: Vec<Seed<Education>>,
    writing: Vec<Seed<Writing>>,
    editions: Vec<Seed<Edition>>,
}

fn demo() -> Demo {
    serde_json::from_str(include_str!("demo.json")).expect("the bundled demo is valid (tested)")
}

fn insert_all<E: Entity>(tx: &Transaction<'_>, seeds: &[Seed<E>]) -> Result<()> {
    for seed in seeds {
        seed.item.validate()?;
        records::insert(tx, seed.id, &seed.item)?;
    }
    Ok(())
}

impl Folio {
    /// Loads the example portfolio.
    ///
    /// Refuses a database that holds anything unless `force`; with `force`, what was
    /// there goes to the trash (restorable) and the profile is replaced.
    pub fn load_demo(&self, force: bool) -> Result<Stats> {
        let demo = demo();
        self.store().write(|tx| {
            let has_content = !profile::get(tx)?.is_empty()
                || EntityKind::ALL.into_iter().any(|k| records::count(tx, k).is_ok_and(|n| n > 0));
            if has_content && !force {
                return Err(Error::NotEmpty(
                    "the database already holds a portfolio; use --force to move it to the trash and load the example"
                        .into(),
                ));
            }
            for kind in EntityKind::ALL {
                for id in records::list_ids(tx, kind)? {
                    records::delete(tx, kind, id)?;
                }
            }
            // An earlier copy of the demo in the trash would clash with the fixed ids.
            records::purge(tx, &demo.ids())?;
            profile::upsert(tx, &demo.profile)?;
            insert_all(tx, &demo.case_studies)?;
            insert_all(tx, &demo.recommendations)?;
            insert_all(tx, &demo.skills)?;
            insert_all(tx, &demo.experience)?;
            insert_all(tx, &demo.certifications)?;
            insert_all(tx, &demo.education)?;
            insert_all(tx, &demo.writing)?;
            insert_all(tx, &demo.editions)
        })?;
        self.stats()
    }
}

impl Demo {
    fn ids(&self) -> Vec<Uuid> {
        fn of<T>(seeds: &[Seed<T>]) -> impl Iterator<Item = Uuid> + '_ {
            seeds.iter().map(|s| s.id)
        }
        of(&self.case_studies)
            .chain(of(&self.recommendations))
            .chain(of(&self.skills))
            .chain(of(&self.experience))
            .chain(of(&self.certifications))
            .chain(of(&self.education))
            .chain(of(&self.writing))
            .chain(of(&self.editions))
            .collect()
    }
}
