//! The bundled example portfolio: a realistic technical lead, so that a new user sees
//! what a finished portfolio looks like before typing a word.

use folio_model::{
    CaseStudy, Certification, Edition, Education, Entity, EntityKind, Experience, ImageRef, Profile, Recommendation,
    Skill, Writing,
};
use folio_store::tables::assets;
use folio_store::tables::{profile, records};
use folio_store::Transaction;
use serde::Deserialize;
use uuid::Uuid;

use crate::images::new_asset;
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
        let mut demo = demo();
        let pictures = pictures()?;
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
            let mut shown = Vec::new();
            for (image, name) in &pictures {
                shown.push(assets::insert_or_existing(tx, &new_asset(image, name))?.id);
            }
            demo.show(&shown);
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

/// The demo's pictures, drawn by Folio and imported as a user's would be: the profile
/// photo, then one picture each for three case studies (see [`Demo::show`]).
fn pictures() -> Result<Vec<(folio_media::Normalised, &'static str)>> {
    use folio_media::draw;
    Ok(vec![
        (folio_media::import(&draw::jpeg(&draw::portrait(800, 11), 90))?, "maya.jpg"),
        (folio_media::import(&draw::png_rgb(draw::diagram(1600, 900, [37, 99, 235])))?, "ledger-architecture.png"),
        (folio_media::import(&draw::jpeg(&draw::photo(1800, 1200, 5), 90))?, "team-room.jpg"),
        (folio_media::import(&draw::png_rgb(draw::diagram(1600, 900, [5, 150, 105])))?, "dispatch-on-aws.png"),
    ])
}

impl Demo {
    /// Puts the pictures in place: `assets` in the order [`pictures`] draws them.
    fn show(&mut self, assets: &[Uuid]) {
        let figure =
            |asset: Uuid, caption: &str, alt: &str| ImageRef { asset, caption: caption.into(), alt: alt.into() };
        self.profile.photo = Some(assets[0]);
        self.case_studies[0].item.images = vec![figure(
            assets[1],
            "The ledger: payment API, event store, projections and the settlement reader",
            "Architecture diagram: the payment API writes to an append-only event store; projections and settlement read from it.",
        )];
        self.case_studies[2].item.images = vec![figure(
            assets[2],
            "The team room on the day the last release train left",
            "A team room in afternoon light.",
        )];
        self.case_studies[3].item.images = vec![figure(
            assets[3],
            "Dispatch on AWS: routing, tracking and billing services behind one gateway",
            "Architecture diagram of the dispatch platform on AWS.",
        )];
    }

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
