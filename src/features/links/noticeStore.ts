import { create } from 'zustand';
import type { LinkNotice } from './urlScheme';

interface NoticeState {
  notices: LinkNotice[];
  /** replaces the notices (a new arrival) or adds to them (a redirect of the same arrival) */
  show: (notices: LinkNotice[], append: boolean) => void;
  dismiss: (id: string) => void;
}

/** Notices about the link the visitor arrived with; they stay until dismissed or the visitor moves on. */
export const useLinkNotices = create<NoticeState>()((set) => ({
  notices: [],
  show: (notices, append) =>
    set((s) => {
      const base = append ? s.notices : [];
      const fresh = notices.filter((n) => !base.some((b) => b.id === n.id));
      if (!append && fresh.length === 0 && s.notices.length === 0) return s;
      return { notices: [...base, ...fresh] };
    }),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
