//! First names that tell a person's sex, for `he` and `she` (generated: do not edit).
//! From Kantrowitz's name lists (stdlib's npm datasets, PDDL 1.0 / CC0) and PolNeAR's
//! training split, which decides the names in both lists and keeps the names news uses.
//! Regenerate: see `train/names.py`. 149 names (5 decided by PolNeAR: Bernie, Corey, George, Hillary, Ted); they cover
//! 318 of 634 first-name mentions on dev/.

/// Lowercase, sorted: women's first names.
pub const FEMALE: &[&str] = &[
    "amanda", "amy", "angela", "ann", "barbara", "catherine", "chelsea", "cheryl", "christine",
    "debbie", "dena", "diane", "donna", "elizabeth", "gina", "hillary", "jane", "janet", "jennifer",
    "jessica", "jill", "joni", "karen", "katie", "ki", "kristen", "laura", "lisa", "liz", "loretta",
    "maria", "marla", "mary", "melania", "michelle", "monica", "nicole", "patricia", "rachel",
    "ruth", "sarah", "susan", "wendy", "zoe",
];

/// Lowercase, sorted: men's first names.
pub const MALE: &[&str] = &[
    "aaron", "adam", "alan", "andrew", "anthony", "ben", "benjamin", "bernie", "brad", "brian",
    "bruce", "carl", "carlos", "charles", "charlie", "christopher", "chuck", "colin", "corey",
    "craig", "dan", "daniel", "dave", "david", "dennis", "dick", "douglas", "edward", "eric",
    "franklin", "gary", "geoff", "george", "gonzalo", "gordon", "greg", "gregory", "harry",
    "howard", "hugh", "jack", "jacob", "jake", "james", "jared", "jason", "jay", "jeff", "jeffrey",
    "jeremy", "jim", "jimmy", "joe", "joel", "john", "jon", "jonathan", "joseph", "josh", "justin",
    "karl", "ken", "kevin", "larry", "lawrence", "luis", "marc", "marco", "matt", "matthew",
    "merrick", "michael", "mike", "morton", "muhammad", "nate", "nick", "omar", "patrick", "paul",
    "pete", "peter", "rand", "richard", "rick", "rob", "robert", "roger", "ron", "ronald", "roy",
    "rudy", "rupert", "scott", "stephen", "steve", "steven", "stuart", "tad", "ted", "thomas",
    "tom", "trey", "vladimir", "william",
];
