//! First names that tell a person's sex, for `he` and `she` (generated: do not edit).
//! From Kantrowitz's name lists (stdlib's npm datasets, PDDL 1.0 / CC0) and PolNeAR's
//! training split, which decides the names in both lists and keeps the names news uses.
//! Regenerate: see `train/names.py`. 187 names (5 decided by PolNeAR: Bernie, Corey, George, Hillary, Ted); they cover
//! 329 of 634 first-name mentions on dev/.

/// Lowercase, sorted: women's first names.
pub const FEMALE: &[&str] = &[
    "amanda", "amber", "amy", "angela", "ann", "anna", "barbara", "carol", "catherine", "cecile",
    "chelsea", "cheryl", "christine", "cynthia", "debbie", "deborah", "dena", "diane", "donna",
    "elizabeth", "gina", "heather", "heidi", "hillary", "jane", "janet", "jeanne", "jenna",
    "jennifer", "jessica", "jill", "joni", "karen", "katie", "ki", "kristen", "laura", "lisa",
    "liz", "loretta", "lucy", "maggie", "maria", "marla", "mary", "melania", "michelle", "monica",
    "nicole", "patricia", "paula", "rachel", "ruth", "sandra", "sara", "sarah", "sonia", "susan",
    "wendy", "zoe",
];

/// Lowercase, sorted: men's first names.
pub const MALE: &[&str] = &[
    "aaron", "adam", "alan", "andrew", "anthony", "ari", "ben", "benjamin", "bernie", "brad",
    "brian", "bruce", "bryan", "carl", "carlos", "charles", "charlie", "christopher", "chuck",
    "clarence", "colin", "corey", "craig", "dan", "daniel", "dave", "david", "dennis", "dick",
    "doug", "douglas", "duncan", "dwight", "edward", "eli", "eric", "fidel", "franklin", "gary",
    "geoff", "george", "gonzalo", "gordon", "greg", "gregory", "harry", "howard", "hugh", "isaac",
    "jack", "jacob", "jake", "james", "jared", "jason", "jay", "jeff", "jeffrey", "jeremy", "jim",
    "jimmy", "joe", "joel", "john", "johnny", "jon", "jonathan", "joseph", "josh", "justin", "karl",
    "ken", "kenneth", "kevin", "larry", "lawrence", "leonard", "luis", "marc", "marco", "matt",
    "matthew", "merrick", "michael", "mike", "morton", "muhammad", "nate", "neil", "nick", "omar",
    "patrick", "paul", "pete", "peter", "philip", "rand", "richard", "rick", "rob", "robert",
    "roger", "ron", "ronald", "roy", "rudy", "rupert", "scott", "sidney", "simon", "stan",
    "stephen", "steve", "steven", "stuart", "tad", "ted", "thomas", "timothy", "tom", "trey",
    "tyrone", "vladimir", "wayne", "william", "zach", "zachary",
];
