/*
 * Denylists, compared lowercased word by word. A candidate is dropped if any
 * of its words is here: attribution phrases also introduce people, officials
 * and institutions ("according to the Defense Ministry", "citing Thursday's
 * statement"), and person names cannot be told from outlet names in general.
 */
const DAYS_AND_MONTHS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december',
];
/** Words that start a sentence or a time phrase before a name: dropped from the front. */
export const LEADING_NOISE = new Set([
  ...DAYS_AND_MONTHS,
  'the', 'a', 'an', 'on', 'in', 'at', 'as', 'and', 'but', 'also', 'earlier', 'later', 'meanwhile',
  'then', 'today', 'yesterday', 'now', 'last', 'next', 'however', 'separately', 'previously', 'recently',
]);
export const DENIED_WORDS = new Set([
  ...DAYS_AND_MONTHS,
  // pronouns and determiners
  'i', 'he', 'she', 'it', 'we', 'they', 'you', 'his', 'her', 'its', 'our', 'their',
  'this', 'that', 'these', 'those', 'who', 'which', 'one', 'someone',
  // titles and roles of people
  'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'president', 'vice', 'minister', 'prime',
  'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'senator',
  'congressman', 'congresswoman', 'representative', 'general', 'gen', 'colonel', 'col',
  'lieutenant', 'major', 'captain', 'sergeant', 'admiral', 'marshal', 'commander', 'chief',
  'head', 'director', 'chairman', 'chairwoman', 'chair', 'governor', 'mayor', 'king', 'queen',
  'prince', 'princess', 'sheikh', 'emir', 'sultan', 'pope', 'patriarch', 'imam', 'mufti',
  'bishop', 'deputy', 'professor', 'prof', 'officer', 'official', 'officials', 'correspondent',
  'reporter', 'journalist', 'editor', 'analyst', 'expert', 'adviser', 'advisor', 'aide',
  'leader', 'speaker',
  // institutions, which are cited but are not outlets
  'ministry', 'department', 'office', 'service', 'commission', 'committee', 'council',
  'government', 'administration', 'command', 'army', 'forces', 'force', 'military', 'police',
  'court', 'parliament', 'senate', 'congress', 'duma', 'kremlin', 'pentagon', 'house', 'embassy',
  'consulate', 'coalition', 'headquarters', 'staff', 'navy', 'agency', 'bureau', 'authority',
  'authorities', 'directorate', 'intelligence', 'guard', 'corps', 'brigade', 'division',
  'regiment', 'battalion', 'mission', 'organization', 'organisation', 'observatory',
  'observation', 'border', 'party', 'front', 'movement', 'union', 'cabinet', 'presidency',
  'palace', 'secretariat', 'assembly',
  // generic nouns
  'report', 'reports', 'statement', 'study', 'data', 'survey', 'sources', 'source',
  'witnesses', 'residents', 'activists', 'media',
]);
/**
 * Without a descriptor ("news agency X"), an unknown name must contain one
 * of these to be taken for an outlet, and one other word to be a name.
 */
export const OUTLET_WORDS = new Set([
  'news', 'post', 'times', 'journal', 'independent', 'herald', 'gazette', 'gazeta', 'telegraph',
  'tribune', 'radio', 'tv', 'television', 'daily', 'chronicle', 'insider', 'broadcasting',
  'newspaper', 'channel',
]);
/** More capitalised words than this run on past a name into the sentence. */
export const MAX_NAME_WORDS = 5;
