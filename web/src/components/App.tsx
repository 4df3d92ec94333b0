// The viewer shell: skip link, header with the editor token, and the routed page.
import { useState } from 'preact/hooks';
import { readEditorToken, saveEditorToken } from '../state/editorToken';
import { useRoute } from '../state/route';
import { CorpusPage } from './CorpusPage';
import { ProposalPage } from './ProposalPage';
import { ReportList } from './ReportList';
import { ReportView } from './ReportView';
import { TokenBox } from './TokenBox';

export function App() {
  const route = useRoute();
  const [token, setToken] = useState<string | null>(() => readEditorToken());
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        跳到主要内容
      </a>
      <header class="site-header">
        <a class="site-title" href="#/">
          年报台账 <span class="muted">Nianbao Ledger</span>
        </a>
        <nav class="site-nav" aria-label="页面">
          <a href="#/" aria-current={route.name === 'list' ? 'page' : undefined}>
            报告列表
          </a>
          <a href="#/corpus" aria-current={route.name === 'corpus' ? 'page' : undefined}>
            跨报告比较
          </a>
        </nav>
        <TokenBox
          token={token}
          onChange={(next) => {
            saveEditorToken(next);
            setToken(next);
          }}
        />
      </header>
      {route.name === 'report' ? (
        <ReportView key={route.id} route={route} token={token} />
      ) : route.name === 'proposal' ? (
        <ProposalPage key={`${route.id}-${token ?? ''}`} route={route} token={token} />
      ) : route.name === 'corpus' ? (
        <CorpusPage route={route} />
      ) : (
        <ReportList key={token ?? ''} route={route} />
      )}
    </>
  );
}
