// Chinese wording for API enums and timestamps.
const KIND_LABELS: Readonly<Record<string, string>> = {
  import: '导入',
  imported: '导入',
  reimport: '重新导入',
  edit: '编辑',
  edited: '编辑',
  revert: '撤销',
  reverted: '撤销',
};

export function describeKind(kind: string): string {
  return KIND_LABELS[kind.toLowerCase()] ?? kind;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const UNIT_LABELS: Readonly<Record<string, string>> = {
  pieces: '件',
  '10k_yuan': '万元',
  applications: '件（申请）',
  cases: '件（案件）',
};

/** Chinese unit of a figure; narrative units (个, 条, …) are already Chinese. */
export function describeUnit(unit: string | null): string {
  if (!unit) return '';
  return UNIT_LABELS[unit] ?? unit;
}
