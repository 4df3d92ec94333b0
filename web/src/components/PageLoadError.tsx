// A page whose data could not be read: the reason, and the way back to the report list, in the
// page's own <main> so the skip link and focus handling still find it.
import { ErrorAlert } from './ErrorAlert';

export interface PageLoadErrorProps {
  /** The page's class (e.g. `report-view`), so it keeps its layout. */
  pageClass: string;
  error: string;
}

export function PageLoadError({ pageClass, error }: PageLoadErrorProps) {
  return (
    <main id="main" tabIndex={-1} class={pageClass}>
      <ErrorAlert error={error} />
      <a href="#/">返回报告列表</a>
    </main>
  );
}
