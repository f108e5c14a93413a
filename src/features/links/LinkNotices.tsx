import { lazy, Suspense } from 'react';
import { useLinkNotices } from './noticeStore';

// Most visits have no notice: the list (and MUI's Alert) loads only when there is one to show.
const NoticeList = lazy(() => import('./NoticeList'));

/** What the app did with the link the visitor arrived with (old names, ignored parts, filled-in answers). */
export function LinkNotices() {
  const any = useLinkNotices((s) => s.notices.length > 0);
  if (!any) return null;
  return (
    <Suspense fallback={null}>
      <NoticeList />
    </Suspense>
  );
}
