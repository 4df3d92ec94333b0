// Markdown export in the national layout: title, the narrative sections, and 表二, 表三 and
// 表四 as tables where the report places them (parts 二、三、四), then the numbers the
// narrative states (keys n.*) with their sentences, so every figure of the report is in it. Markdown has no merged cells, so a merged label is written once where it
// starts and left blank where it spans (see nationalLayout.ts), and only the first header
// row can be a Markdown header: the others are written in bold.
import type { RuleResult } from '../domain/rules/types';
import type {
  ExportableFigure,
  ExportableNarrativeSection,
  ExportableReport,
} from './exportableReport';
import { figuresByKey, inTemplateOrder } from './figureOrder';
import { NATIONAL_TABLES, type LayoutCell, type LayoutTable } from './nationalLayout';

/** Escapes text so Markdown shows it literally (no emphasis, links, HTML or table breaks). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

/** A paragraph of verbatim text: also keeps a leading #, >, list or rule marker literal. */
function escapeMarkdownParagraph(text: string): string {
  return escapeMarkdownInline(text).replace(/^(\s*)(#|>|[-+=]|\d+[.)])/, '$1\\$2');
}

function tableCell(text: string): string {
  return escapeMarkdownInline(text.trim()).replace(/\r?\n/g, '<br>');
}

/** What the published cell shows: the number, else the marker as printed, else nothing. */
export function displayedCell(figure: ExportableFigure | undefined): string {
  if (!figure) return '';
  return figure.value ?? figure.marker ?? '';
}

function cellText(cell: LayoutCell, figures: ReadonlyMap<string, ExportableFigure>): string {
  switch (cell.kind) {
    case 'label':
      return cell.text;
    case 'figure':
      return displayedCell(figures.get(cell.key));
    case 'blank':
      return '';
  }
}

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function tableToMarkdown(
  table: LayoutTable,
  figures: ReadonlyMap<string, ExportableFigure>,
): string {
  const lines: string[] = [];
  table.rows.forEach((row, index) => {
    const texts = row.cells.map((cell) => tableCell(cellText(cell, figures)));
    if (index === 0) {
      lines.push(markdownRow(texts), markdownRow(texts.map(() => '---')));
    } else if (row.kind === 'header') {
      lines.push(markdownRow(texts.map((text) => (text ? `**${text}**` : ''))));
    } else {
      lines.push(markdownRow(texts));
    }
  });
  return lines.join('\n');
}

function headingLevel(sectionId: string): number {
  return Math.min(2 + sectionId.split('.').length - 1, 6);
}

function sectionToMarkdown(section: ExportableNarrativeSection): string[] {
  const paragraphs = section.text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(escapeMarkdownParagraph);
  return [
    `${'#'.repeat(headingLevel(section.id))} ${escapeMarkdownInline(section.heading.trim())}`,
    ...paragraphs,
  ];
}

/** In the template, parts 二, 三 and 四 of the report are the three tables. */
const TABLE_OF_PART: Readonly<Record<string, LayoutTable['id']>> = {
  '2': 't2',
  '3': 't3',
  '4': 't4',
};

/**
 * The narrative with each table placed where the report has it: right after the part it
 * belongs to (二、三、四, under the document's own heading). Tables whose part the narrative
 * lacks follow at the end under the template's titles.
 */
function bodyToMarkdown(report: ExportableReport): string[] {
  const figures = figuresByKey(report.figures);
  const blocks: string[] = [];
  const placed = new Set<LayoutTable['id']>();
  let pending: LayoutTable | undefined;
  const placePending = (): void => {
    if (!pending) return;
    blocks.push(tableToMarkdown(pending, figures));
    placed.add(pending.id);
    pending = undefined;
  };
  for (const section of report.narrative) {
    if (!section.id.includes('.')) {
      placePending();
      const tableId = TABLE_OF_PART[section.id];
      const table = NATIONAL_TABLES.find((candidate) => candidate.id === tableId);
      if (table && !placed.has(table.id)) pending = table;
    }
    blocks.push(...sectionToMarkdown(section));
  }
  placePending();
  for (const table of NATIONAL_TABLES.filter((candidate) => !placed.has(candidate.id))) {
    blocks.push(`## ${escapeMarkdownInline(table.title)}`, tableToMarkdown(table, figures));
  }
  return blocks;
}

/** 正文中的数字: one row per narrative figure, in text order; nothing when there are none. */
function narrativeFiguresToMarkdown(figures: readonly ExportableFigure[]): string[] {
  const narrative = inTemplateOrder(figures.filter((figure) => figure.narrative !== null));
  if (narrative.length === 0) return [];
  const rows = narrative.map((figure) =>
    markdownRow(
      [
        `\`${figure.key}\``,
        figure.narrative?.sectionId ?? '',
        displayedCell(figure),
        figure.narrative?.unit ?? '',
        figure.narrative?.sentence ?? '',
      ].map((text, index) => (index === 0 ? text : tableCell(text))),
    ),
  );
  const header = ['键', '段落', '数值', '单位', '原句'];
  return [
    '## 正文中的数字',
    [markdownRow(header), markdownRow(header.map(() => '---')), ...rows].join('\n'),
  ];
}

function failedRulesToMarkdown(rules: readonly RuleResult[]): string[] {
  const failed = rules.filter((rule) => rule.status === 'failed');
  if (failed.length === 0) return [];
  return [
    '## 勾稽关系检查未通过',
    failed
      .map(
        (rule) =>
          `- ${escapeMarkdownInline(`${rule.id}（${rule.scope}）：${rule.message}`)}` +
          `（${rule.keys.map((key) => `\`${key}\``).join('、')}）`,
      )
      .join('\n'),
  ];
}

export function reportToMarkdown(report: ExportableReport): string {
  const blocks: string[] = [
    `# ${escapeMarkdownInline(`${report.agency}${report.year}年政府信息公开工作年度报告`)}`,
    escapeMarkdownInline(
      `报告 ${report.id} · 修订号 ${report.revision}` +
        (report.template ? ` · 模板 ${report.template}` : ''),
    ),
    ...bodyToMarkdown(report),
  ];
  blocks.push(...narrativeFiguresToMarkdown(report.figures));
  blocks.push(...failedRulesToMarkdown(report.rules ?? []));
  return `${blocks.join('\n\n')}\n`;
}
