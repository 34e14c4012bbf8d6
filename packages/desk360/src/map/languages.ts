/**
 * Desk360 names a template's languages by label ("English", "Türkçe") and
 * numeric id, never by code. wamux templates carry a language code, so this
 * table maps WhatsApp's template languages (codes as Meta spells them) to the
 * labels Desk360 may show: the English name and the native one.
 */
const LANGUAGES: ReadonlyArray<readonly [code: string, ...labels: string[]]> = [
  ['en', 'English'],
  ['tr', 'Turkish', 'Türkçe'],
  ['en_US', 'English (US)'],
  ['en_GB', 'English (UK)'],
  ['ar', 'Arabic', 'العربية'],
  ['de', 'German', 'Deutsch'],
  ['fr', 'French', 'Français'],
  ['es', 'Spanish', 'Español'],
  ['es_ES', 'Spanish (SPA)', 'Español (España)'],
  ['es_MX', 'Spanish (MEX)', 'Español (México)'],
  ['es_AR', 'Spanish (ARG)', 'Español (Argentina)'],
  ['it', 'Italian', 'Italiano'],
  ['pt_BR', 'Portuguese (BR)', 'Português (BR)'],
  ['pt_PT', 'Portuguese (POR)', 'Português (POR)'],
  ['nl', 'Dutch', 'Nederlands'],
  ['ru', 'Russian', 'Русский'],
  ['uk', 'Ukrainian', 'Українська'],
  ['pl', 'Polish', 'Polski'],
  ['ro', 'Romanian', 'Română'],
  ['el', 'Greek', 'Ελληνικά'],
  ['bg', 'Bulgarian', 'Български'],
  ['cs', 'Czech', 'Čeština'],
  ['sk', 'Slovak', 'Slovenčina'],
  ['hu', 'Hungarian', 'Magyar'],
  ['hr', 'Croatian', 'Hrvatski'],
  ['sr', 'Serbian', 'Српски'],
  ['sl', 'Slovenian', 'Slovenščina'],
  ['da', 'Danish', 'Dansk'],
  ['sv', 'Swedish', 'Svenska'],
  ['nb', 'Norwegian', 'Norsk'],
  ['fi', 'Finnish', 'Suomi'],
  ['et', 'Estonian', 'Eesti'],
  ['lv', 'Latvian', 'Latviešu'],
  ['lt', 'Lithuanian', 'Lietuvių'],
  ['az', 'Azerbaijani', 'Azərbaycan'],
  ['ka', 'Georgian', 'ქართული'],
  ['kk', 'Kazakh', 'Қазақ'],
  ['uz', 'Uzbek', "O'zbek"],
  ['fa', 'Persian', 'فارسی'],
  ['he', 'Hebrew', 'עברית'],
  ['ur', 'Urdu', 'اردو'],
  ['hi', 'Hindi', 'हिन्दी'],
  ['bn', 'Bengali', 'বাংলা'],
  ['id', 'Indonesian', 'Bahasa Indonesia'],
  ['ms', 'Malay', 'Bahasa Melayu'],
  ['th', 'Thai', 'ไทย'],
  ['vi', 'Vietnamese', 'Tiếng Việt'],
  ['fil', 'Filipino'],
  ['zh_CN', 'Chinese (CHN)', '中文（简体）'],
  ['zh_HK', 'Chinese (HKG)', '中文（香港）'],
  ['zh_TW', 'Chinese (TAI)', '中文（繁體）'],
  ['ja', 'Japanese', '日本語'],
  ['ko', 'Korean', '한국어'],
  ['sq', 'Albanian', 'Shqip'],
  ['mk', 'Macedonian', 'Македонски'],
  ['af', 'Afrikaans'],
  ['sw', 'Swahili', 'Kiswahili'],
];

const normalizeLabel = (label: string) => label.normalize('NFC').trim().toLocaleLowerCase('en');
const normalizeCode = (code: string) => code.trim().replace('-', '_').toLowerCase();

const codeByLabel = new Map<string, string>();
const labelByCode = new Map<string, string>();
for (const [code, ...labels] of LANGUAGES) {
  labelByCode.set(normalizeCode(code), labels[labels.length - 1] as string);
  for (const label of labels) codeByLabel.set(normalizeLabel(label), code);
}

/** The language code for a Desk360 language label (`Türkçe` → `tr`), or `undefined` for a label the table lacks. */
export function languageCodeForLabel(label: string): string | undefined {
  return codeByLabel.get(normalizeLabel(label));
}

/** The label Desk360 shows for a language code (`tr` → `Türkçe`), or `undefined`. */
export function languageLabelForCode(code: string): string | undefined {
  return labelByCode.get(normalizeCode(code));
}

/**
 * Whether a requested language (`en`, `en-US`, `English`, `Türkçe`) names a
 * Desk360 translation, given the translation's label and the code it maps to.
 */
export function languageMatches(requested: string, label: string, code: string | undefined): boolean {
  if (normalizeLabel(requested) === normalizeLabel(label)) return true;
  return code !== undefined && normalizeCode(requested) === normalizeCode(code);
}

/** Every language code in the table, in a stable order (the emulator numbers languages by it). */
export const LANGUAGE_CODES: readonly string[] = LANGUAGES.map(([code]) => code);
