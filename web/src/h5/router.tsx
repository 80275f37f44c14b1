// H5 routes, browser history under /h5 (the server answers every /h5/* path with the H5 page).
import { createBrowserRouter } from 'react-router';
import { HomePage } from './pages/HomePage.tsx';
import { ActivatePage } from './pages/ActivatePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { CardPage } from './pages/CardPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { JoinStatusPage, SavedApplicationsPage } from './pages/JoinStatusPage.tsx';
import { MyDataPage } from './pages/MyDataPage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { CaseNewPage } from './pages/CaseNewPage.tsx';
import { CaseDetailPage } from './pages/CaseDetailPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

import { H5_BASE } from './paths.ts';

export const router = createBrowserRouter(
  [
    { path: '/', element: <HomePage /> },
    { path: '/activate', element: <ActivatePage /> },
    { path: '/login', element: <LoginPage /> },
    { path: '/card', element: <CardPage /> },
    { path: '/join', element: <JoinPage /> },
    { path: '/join-status', element: <SavedApplicationsPage /> },
    { path: '/join/:number', element: <JoinStatusPage /> },
    { path: '/my-data', element: <MyDataPage /> },
    { path: '/cases', element: <CasesPage /> },
    { path: '/cases/new', element: <CaseNewPage /> },
    { path: '/cases/:id', element: <CaseDetailPage /> },
    { path: '*', element: <NotFoundPage /> },
  ],
  { basename: H5_BASE },
);
