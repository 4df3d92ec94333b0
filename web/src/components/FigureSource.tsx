// Provenance of a figure: where the importer read it, and the source text around it.
import type { SourceLocation } from '../api/types';

export function FigureSource({ source }: { source: SourceLocation | null }) {
  return (
    <section class="panel-section" aria-labelledby="panel-source">
      <h3 id="panel-source">来源</h3>
      {source ? (
        <>
          <p class="source-location">
            {source.line !== null && `第 ${source.line} 行`}
            {source.column !== null && `，第 ${source.column} 列`}
            {source.htmlPath && ` · ${source.htmlPath}`}
            {source.token && (
              <>
                {' '}
                · 读取内容 <code>{source.token}</code>
              </>
            )}
          </p>
          {source.excerpt && <pre class="source-excerpt">{source.excerpt}</pre>}
        </>
      ) : (
        <p>没有来源记录（可能由编辑产生）。</p>
      )}
    </section>
  );
}
