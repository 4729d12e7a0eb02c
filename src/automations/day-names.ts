/**
 * Day names and abbreviations, folded (lower case, no accents), in English, Italian, Spanish, French and German,
 * as weekday numbers from Sunday = 0 (the Schedule model's convention). No abbreviation means two different days
 * across these languages (`mar` is Tuesday in Italian, Spanish and French alike).
 */
export const DAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  (
    [
      [0, 'sunday sun su domenica dom domingo dimanche dim sonntag so'],
      [1, 'monday mon mo lunedi lun lunes lundi montag'],
      [2, 'tuesday tue tues tu martedi mar martes mardi dienstag di'],
      [3, 'wednesday wed we mercoledi mer miercoles mie mercredi mittwoch mi'],
      [4, 'thursday thu thur thurs th giovedi gio jueves jue jeudi jeu donnerstag do'],
      [5, 'friday fri fr venerdi ven viernes vie vendredi freitag'],
      [6, 'saturday sat sa sabato sab sabado samedi sam samstag sonnabend'],
    ] as const
  ).flatMap(([day, names]) => names.split(' ').map((name) => [name, day] as const)),
);

/** Words that join two days or two times into a range: `lun-ven`, `Monday to Friday`, `dalle 9 alle 18`. */
export const RANGE_WORDS: ReadonlySet<string> = new Set([
  '-',
  'to',
  'through',
  'thru',
  'till',
  'until',
  'a',
  'al',
  'alle',
  'hasta',
  'au',
  'jusqu',
  'bis',
]);

/** Words that only introduce a range or a time, and mean nothing on their own. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'from',
  'dal',
  'dalle',
  'da',
  'ore',
  'de',
  'del',
  'desde',
  'las',
  'du',
  'von',
  'uhr',
  'h',
  'and',
  'e',
  'y',
  'et',
  'und',
  '&',
  '+',
  '/',
  'open',
  'aperto',
  'abierto',
  'ouvert',
  'geoffnet',
  'at',
  'le',
  'il',
  'los',
  'am',
]);

/** Words for a day without hours. */
export const CLOSED_WORDS: ReadonlySet<string> = new Set([
  'closed',
  'chiuso',
  'cerrado',
  'ferme',
  'geschlossen',
]);

/** Words for every day of the week. */
export const EVERY_DAY_WORDS: ReadonlySet<string> = new Set(['daily', 'everyday', 'taglich', 'quotidien']);
