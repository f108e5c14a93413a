import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import LinearProgress from '@mui/material/LinearProgress';
import { moveEmbedBeforeHash } from './embed';
import { useLinkNotices } from './noticeStore';
import { checkLocation, needsRedirect, type AliasResolvers, type LinkNotice } from './urlScheme';

// The alias tables and the wizard's flow live in the knowledge chunk, which the start page does not need:
// they are loaded the first time a link names an id or carries answers, then used synchronously.
let loadedAliases: AliasResolvers | undefined;
const loadAliases = () =>
  import('@/engine/knowledge/aliases').then((m): AliasResolvers => {
    loadedAliases = { outcome: m.resolveOutcomeId, question: m.resolveQuestionId };
    return loadedAliases;
  });

/**
 * Checks every address the app arrives at against the URL scheme (urlScheme.ts) before the page sees it:
 * old ids are redirected to their current page, unknown parameters are dropped, `answers=` is applied to
 * the wizard, `embed` is moved before the `#`, and each of these is reported in a notice. The page is only
 * shown at the canonical address, so pages never meet an alias or a parameter they do not know.
 */
export function LinkGate({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const navigate = useNavigate();
  const [aliases, setAliases] = useState(loadedAliases);
  const { pathname, search, key, state } = location;
  const check = checkLocation(pathname, search, aliases);
  const redirect = needsRedirect(check, pathname, search);
  const needsAliases = check.needsAliases === true;

  useEffect(() => {
    if (!needsAliases) return;
    let cancelled = false;
    void loadAliases().then((loaded) => {
      if (!cancelled) setAliases(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [needsAliases]);

  const { canonical, answers, embed, notices } = check;
  useEffect(() => {
    if (needsAliases) return;
    let cancelled = false;
    // A redirect (or a page tidying its own address) continues the same arrival: keep its notices.
    const append = navigationType === 'REPLACE';
    const finish = (more: LinkNotice[]) => {
      if (cancelled) return;
      useLinkNotices.getState().show([...notices, ...more], append);
      if (embed !== undefined) moveEmbedBeforeHash(embed);
      if (redirect) navigate(canonical, { replace: true, state });
    };
    if (answers !== undefined) {
      void import('./prefill').then(({ applyAnswers }) => finish(cancelled ? [] : applyAnswers(answers)));
    } else {
      finish([]);
    }
    return () => {
      cancelled = true;
    };
    // `notices` is rebuilt on each render; the address (key) and what it asks for decide when to run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, needsAliases, canonical, answers, embed, redirect, navigationType, navigate, state]);

  return redirect || needsAliases ? <LinearProgress aria-label="Opening the link" /> : children;
}
