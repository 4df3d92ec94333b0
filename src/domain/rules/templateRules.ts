// The consistency rules are those of the 2021 national format: a report of another template
// (2019) has none to judge, so its checks are NOT_ASSESSABLE as a whole, never passing.
export function templateHasRules(template: string | null): boolean {
  return template === null || template === '2021';
}
