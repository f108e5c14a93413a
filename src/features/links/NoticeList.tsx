import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useLinkNotices } from './noticeStore';

/** What the app did with the link the visitor arrived with (old names, ignored parts, filled-in answers). */
export default function NoticeList() {
  const notices = useLinkNotices((s) => s.notices);
  const dismiss = useLinkNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <Box className="no-print" data-testid="link-notices" sx={{ display: 'grid', gap: 1.5, mb: 3 }}>
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          severity={notice.severity}
          role="status"
          onClose={() => dismiss(notice.id)}
          slotProps={{ closeButton: { 'aria-label': `Dismiss: ${notice.title}` } }}
        >
          <AlertTitle>{notice.title}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {notice.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </Box>
        </Alert>
      ))}
    </Box>
  );
}
