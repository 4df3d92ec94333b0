// The narrative extractor on small documents written for these tests (no corpus text).
import fc from 'fast-check';
import { extractNarrative } from '../../src/domain/narrative/extractNarrative';

const MARKDOWN_REPORT = [
  '# 示例县示例局', // 1
  '根据要求编制本报告（示例办函〔2021〕30号），统计期限为2024年1月1日至12月31日，共3个部分。', // 2
  '### 一、总体情况', // 3
  '2024 年，本局持续推进公开工作。', // 4
  '#### （一）主动公开情况', // 5
  '全年通过网站公开信息 **128** 条，其中政策解读 **6** 篇，办结率 **99.5%**。发布项目清', // 6
  '', // 7
  '单 **2** 万余次，共计 1,200 元。', // 8
  '## **（二）依申请公开情况**', // 9
  '本年度共收到政府信息公开申请 **5** 件。联系电话：0951-1234567，邮编：750000，网址 http://www.example.gov.cn/a/2024/1.html。', // 10
  '## 二、主动公开政府信息情况', // 11
  '第二十条第（一）项', // 12
  '规章\t<b>0</b>\t<b>0</b>\t<b>0</b>', // 13
  '### 三、收到和处理政府信息公开申请情况', // 14
  '一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t5', // 15
  '\t(一) 予以公开\t5\t0\t0\t0\t0\t0\t5', // 16
  '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0', // 17
  '#### 四、政府信息公开行政复议、行政诉讼情况', // 18
  '0\t0\t0\t0\t0', // 19
  '本年度未发生行政复议和行政诉讼，涉及案件 0 件。', // 20
  '#### 五、存在的主要问题及整改措施', // 21
  '##### （一）存在问题', // 22
  '1.宣传不足。2.解读形式单一，依据《条例》第20条整改。', // 23
  '##### （二）整改措施', // 24
  '下一步将开展培训 3 场次，覆盖 40 人。', // 25
  '#### 六、其他需要报告的事项', // 26
  '本年度未收取信息处理费，收取 0 元。', // 27
  '                        -3-', // 28
];

describe('extractNarrative on a markdown rendering', () => {
  const { sections, figures } = extractNarrative(MARKDOWN_REPORT);
  const byKey = new Map(figures.map((f) => [f.key, f]));

  it('keeps the six parts and their sub-parts with template ids and verbatim headings', () => {
    expect(sections.map((s) => [s.id, s.heading])).toEqual([
      ['1', '一、总体情况'],
      ['1.1', '（一）主动公开情况'],
      ['1.2', '（二）依申请公开情况'],
      ['2', '二、主动公开政府信息情况'],
      ['3', '三、收到和处理政府信息公开申请情况'],
      ['4', '四、政府信息公开行政复议、行政诉讼情况'],
      ['5', '五、存在的主要问题及整改措施'],
      ['5.1', '（一）存在问题'],
      ['5.2', '（二）整改措施'],
      ['6', '六、其他需要报告的事项'],
    ]);
    expect(sections[0].source).toMatchObject({ line: 3, column: 5 });
  });

  it('joins a paragraph split by a page break and drops markup', () => {
    const part = sections.find((s) => s.id === '1.1');
    expect(part?.text).toBe(
      '全年通过网站公开信息 128 条，其中政策解读 6 篇，办结率 99.5%。发布项目清单 2 万余次，共计 1,200 元。',
    );
  });

  it('keeps table parts to their prose', () => {
    expect(sections.find((s) => s.id === '2')?.text).toBe('');
    expect(sections.find((s) => s.id === '3')?.text).toBe('');
    expect(sections.find((s) => s.id === '4')?.text).toBe(
      '本年度未发生行政复议和行政诉讼，涉及案件 0 件。',
    );
  });

  it('turns every stated number into a keyed figure with unit, exact value and sentence', () => {
    expect(figures.map((f) => [f.key, f.value, f.unit])).toEqual([
      ['n.1.1.1', '128', '条'],
      ['n.1.1.2', '6', '篇'],
      ['n.1.1.3', '99.5', '%'],
      ['n.1.1.4', '2', '万余次'],
      ['n.1.1.5', '1200', '元'],
      ['n.1.2.1', '5', '件'],
      ['n.4.1', '0', '件'],
      ['n.5.2.1', '3', '场次'],
      ['n.5.2.2', '40', '人'],
      ['n.6.1', '0', '元'],
    ]);
    expect(byKey.get('n.1.1.1')).toMatchObject({
      raw: '128 条',
      sentence: '全年通过网站公开信息 128 条，其中政策解读 6 篇，办结率 99.5%。',
      sentenceOffset: 11,
      source: { line: 6, column: 14, token: '128** 条' },
    });
  });

  it('finds a number split from its unit by bold markup across a page break', () => {
    expect(byKey.get('n.1.1.4')).toMatchObject({ raw: '2 万余次', source: { line: 8, column: 5 } });
    expect(byKey.get('n.1.1.4')?.sentence).toBe('发布项目清单 2 万余次，共计 1,200 元。');
  });

  it('does not read years, dates, phone, postcode, URL, numbering, ordinals or law numbers as figures', () => {
    const values = figures.map((f) => f.value);
    for (const notFigure of ['2024', '2021', '30', '0951', '1234567', '750000', '20', '1']) {
      expect(values).not.toContain(notFigure);
    }
  });
});

describe('extractNarrative on other shapes', () => {
  it('finds headings inside one long crawler line, including variant titles', () => {
    const line =
      '前言。一、总体情况2023年，本区推进公开。（一）主动公开方面。全年公开信息300条。（二）依申请公开方面 全区收到申请12件。' +
      '二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数5 0 3三、收到和处理政府信息公开申请情况（一）予以公开110000011' +
      '四、政府信息公开行政法复议、行政诉讼情况 0 0 0 0 0五、存在的主要问题及改进情况（一）存在的主要问题：宣传不够。（二）改进措施：加强宣传。' +
      '六、其他需要报告的事项2023年，无收费。';
    const { sections, figures } = extractNarrative([line]);
    expect(sections.map((s) => [s.id, s.heading])).toEqual([
      ['1', '一、总体情况'],
      ['1.1', '（一）主动公开方面。'],
      ['1.2', '（二）依申请公开方面'],
      ['2', '二、主动公开政府信息情况'],
      ['3', '三、收到和处理政府信息公开申请情况'],
      ['4', '四、政府信息公开行政法复议、行政诉讼情况'],
      ['5', '五、存在的主要问题及改进情况'],
      ['5.1', '（一）存在的主要问题：'],
      ['5.2', '（二）改进措施：'],
      ['6', '六、其他需要报告的事项'],
    ]);
    expect(figures.map((f) => [f.key, f.value])).toEqual([
      ['n.1.1.1', '300'],
      ['n.1.2.1', '12'],
    ]);
    expect(sections.find((s) => s.id === '4')?.text).toBe('');
  });

  it('recognises 因政府信息公开申请行政复议、提起行政诉讼的情况 as part 四', () => {
    const { sections } = extractNarrative([
      '一、总体情况',
      '正文。',
      '四、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '五、存在的主要问题及改进情况',
    ]);
    expect(sections.map((s) => s.id)).toEqual(['1', '4', '5']);
  });

  it('maps non-standard numbering to template parts without id collisions', () => {
    const { sections, figures } = extractNarrative([
      '一、总体情况',
      '本年收到申请 3 件。',
      '二、工作机制保障',
      '设立协调小组 1 个。',
      '三、政府信息管理',
      '更新指南。',
      '一、主动公开政府信息情况',
      '| 规章 | 0 | 0 | 0 |',
      '二、收到和处理政府信息公开申请情况',
      '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '三、政府信息公开行政复议、行政诉讼情况',
      '| 1 | 0 | 0 | 0 | 1 |',
      '（一）主要问题',
      '栏目结构不适应。',
      '（二）改进情况',
      '调整目录 2 次。',
      '五、其他需要报告的事项',
      '未收费。',
    ]);
    expect(sections.map((s) => [s.id, s.heading])).toEqual([
      ['1', '一、总体情况'],
      ['1.2', '二、工作机制保障'],
      ['1.3', '三、政府信息管理'],
      ['2', '一、主动公开政府信息情况'],
      ['3', '二、收到和处理政府信息公开申请情况'],
      ['4', '三、政府信息公开行政复议、行政诉讼情况'],
      ['5', ''],
      ['5.1', '（一）主要问题'],
      ['5.2', '（二）改进情况'],
      ['6', '五、其他需要报告的事项'],
    ]);
    expect(sections.find((s) => s.id === '5')?.source).toBeNull();
    expect(figures.map((f) => f.key)).toEqual(['n.1.1', 'n.1.2.1', 'n.5.2.1']);
  });

  it('joins lines wrapped by PDF layout and skips page numbers and form feeds', () => {
    const { sections, figures } = extractNarrative([
      '   一、总体情况',
      '   （一）主动公开情况。2024 年，市政府网站主动公开政府',
      '信息 5500 余条，制作政策解读',
      '                    -1-',
      '\f21 个，合格率均为 100%。',
    ]);
    expect(sections[1].text).toBe(
      '2024 年，市政府网站主动公开政府信息 5500 余条，制作政策解读21 个，合格率均为 100%。',
    );
    expect(figures.map((f) => [f.value, f.unit, f.source?.line])).toEqual([
      ['5500', '余条', 3],
      ['21', '个', 5],
      ['100', '%', 5],
    ]);
  });

  it('does not join digits either side of a line break, form feed or carriage return into one number', () => {
    const { figures } = extractNarrative([
      '一、总体情况',
      '本年共收到申请21',
      '10件，其中网上申请3\f4件，信函１\r2件，当面7<b>8件。',
    ]);
    expect(figures.map((f) => f.value)).toEqual(['21', '10', '3', '4', '1', '2', '7', '8']);
  });

  it('keeps a unitless count but not a name that starts with digits', () => {
    const { figures } = extractNarrative([
      '一、总体情况',
      '公众号粉丝数 54373；优化12345政务服务便民热线，开设68海里景区专栏，采用H5形式。',
    ]);
    expect(figures.map((f) => [f.value, f.unit])).toEqual([['54373', '']]);
  });

  it('yields the same keys on every run and keeps keys of other sections when one changes', () => {
    const first = extractNarrative(MARKDOWN_REPORT).figures.map((f) => f.key);
    expect(extractNarrative(MARKDOWN_REPORT).figures.map((f) => f.key)).toEqual(first);
    const edited = MARKDOWN_REPORT.map((line, index) =>
      index === 26 ? '本年度收取 7 元，另 8 次。' : line,
    );
    const editedKeys = extractNarrative(edited).figures.map((f) => f.key);
    expect(editedKeys.filter((k) => !k.startsWith('n.6.'))).toEqual(
      first.filter((k) => !k.startsWith('n.6.')),
    );
  });

  it('returns nothing for a document without parts', () => {
    expect(extractNarrative(['随便一段文字 12 件。', ''])).toEqual({ sections: [], figures: [] });
  });
});

describe('extractNarrative on arbitrary input', () => {
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '一、总体情况',
      '（一）主动公开情况。',
      '（二）',
      '二、主动公开政府信息情况',
      '五、存在的主要问题及改进情况',
      '**3** 件',
      '12 条。',
      '-1-',
      '\t0\t0',
      '《条例》第3条',
    ),
  );
  const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

  it('never throws, keeps keys unique and every figure inside a known section', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const { sections, figures } = extractNarrative(lines);
        const ids = new Set(sections.map((s) => s.id));
        expect(ids.size).toBe(sections.length);
        expect(new Set(figures.map((f) => f.key)).size).toBe(figures.length);
        for (const figure of figures) {
          expect(ids.has(figure.sectionId)).toBe(true);
          expect(figure.key.startsWith(`n.${figure.sectionId}.`)).toBe(true);
          expect(lines[(figure.source?.line ?? 0) - 1]).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
