// Every description in the schema is bilingual: Chinese first, then English.
export function bi(zh: string, en: string): string {
  return `${zh} / ${en}`;
}
