"""Given names common in English-language news, by the gender they are usually given to.

Only to tell whether "he" or "she" can stand for a name: a name in neither list
(or in both) is compatible with either pronoun. An honorific in the article
("Mr. Ortiz", "Ms. Ruiz") decides before this list does.
"""

from __future__ import annotations

FEMALE = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra
    ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
    cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra
    rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
    janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia
    marie diana brittany natalie isabella charlotte rose alexis kayla hillary hilary nikki condoleezza sonia
    elena ruth nancy kellyanne huma hope sarah michele elise debbie tulsi kamala claire dianne elizabeth jill
    melania ivanka chelsea tiffany omarosa katrina carly jeanne kirsten tammy amy patty lisa susana jan
    mazie heidi maxine barbara loretta janet penny betsy valerie hope karine jen dana nia ayanna ilhan alexandria
    fatima aisha leila yasmin ana lucia sofia carmen rosa isabel marta ines angela ursula theresa jacinda
    margrethe giorgia marine ségolène anne annalena""".split()
)

MALE = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
    mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
    jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
    patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter
    noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan
    bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
    russell bobby mason philip louis barack bill mitt newt ted marco jeb rand chris mike tim bernie joe
    reince paul rudy rudolph corey jared steve stephen kellyanne hugh harry mitch chuck lindsey reid tom jim
    john bob rick ben martin lincoln elijah adam al dick dan doug greg jeff ken larry lou pat ron sam todd
    vladimir sergei dmitry xi emmanuel francois boris rishi keir justin narendra recep benjamin mahmoud
    bashar ali mohammed mohammad ahmed omar hassan hussein ibrahim abdul yusuf khalid tariq jean pierre jacques
    hans klaus olaf friedrich giuseppe matteo pedro carlos luis miguel antonio manuel""".split()
) - FEMALE


def first_name_gender(name: str) -> str | None:
    """'m', 'f', or None when the given name does not tell."""
    low = name.lower()
    if low in FEMALE:
        return "f"
    if low in MALE:
        return "m"
    return None
