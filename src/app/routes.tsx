import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { paths } from '@/config/paths';
import { HomePage } from '@/features/home/HomePage';
import { Layout } from './Layout';

// Pages other than home load on demand, so the first screen ships only the shell.
const WizardPage = lazy(() => import('@/features/wizard/WizardPage'));
const PastePage = lazy(() => import('@/features/paste/PastePage'));
const ScenariosPage = lazy(() => import('@/features/scenarios/ScenariosPage'));
const ScenarioPage = lazy(() => import('@/features/scenarios/ScenarioPage'));
const SimulatorPage = lazy(() => import('@/features/simulator/SimulatorPage'));
const NotFoundPage = lazy(() => import('@/features/not-found/NotFoundPage'));
const LinkBuilderPage = lazy(() => import('@/features/links/LinkBuilderPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={paths.home.pattern} element={<HomePage />} />
        <Route path={paths.wizard.pattern} element={<WizardPage />} />
        <Route path={paths.wizardStep.pattern} element={<WizardPage />} />
        <Route path={paths.paste.pattern} element={<PastePage />} />
        <Route path={paths.scenarios.pattern} element={<ScenariosPage />} />
        <Route path={paths.scenario.pattern} element={<ScenarioPage />} />
        <Route path={paths.links.pattern} element={<LinkBuilderPage />} />
        <Route path={paths.simulator.pattern} element={<SimulatorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
