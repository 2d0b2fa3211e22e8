/** The dashboard shell: navigation, the write token, and the page of the current route. */
import { useState } from 'react';
import { getToken, setToken } from './api/client.ts';
import { useRoute } from './router.ts';
import { RegimesPage } from './pages/Regimes.tsx';
import { CasesPage } from './pages/Cases.tsx';
import { CompliancePage } from './pages/Compliance.tsx';
import { RunsPage } from './pages/Runs.tsx';
import { ComparePage } from './pages/Compare.tsx';
import { MapPage } from './pages/Map.tsx';
import { EditorPage } from './pages/Editor.tsx';

const PAGES = [
  { id: 'regimes', title: 'Regimes', Page: RegimesPage },
  { id: 'cases', title: 'Cases', Page: CasesPage },
  { id: 'compliance', title: 'Compliance', Page: CompliancePage },
  { id: 'runs', title: 'Runs', Page: RunsPage },
  { id: 'compare', title: 'Compare', Page: ComparePage },
  { id: 'map', title: 'Map', Page: MapPage },
  { id: 'editor', title: 'Editor', Page: EditorPage },
] as const;

export function App() {
  const route = useRoute();
  const current = PAGES.find((p) => p.id === route.page) ?? PAGES[0];
  const { Page } = current;
  return (
    <div className="app">
      <header>
        <h1>
          <a href="#/regimes">Mobility Regimes</a>
        </h1>
        <nav aria-label="pages">
          {PAGES.map((p) => (
            <a
              key={p.id}
              href={`#/${p.id}`}
              className={p.id === current.id ? 'active' : undefined}
              aria-current={p.id === current.id ? 'page' : undefined}
            >
              {p.title}
            </a>
          ))}
        </nav>
        <TokenBox />
      </header>
      <main id={`page-${current.id}`}>
        <Page params={route.params} />
      </main>
    </div>
  );
}

/** The write token: needed to start runs and comparisons (`regimes serve` prints it). */
function TokenBox() {
  const [token, set] = useState(getToken());
  const [open, setOpen] = useState(false);
  return (
    <div className="token-box">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        title="the token regimes serve printed: needed to start runs"
      >
        {token ? 'token ✓' : 'token…'}
      </button>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setToken(token.trim());
            setOpen(false);
          }}
        >
          <input
            aria-label="token"
            type="password"
            value={token}
            onChange={(e) => set(e.target.value)}
            placeholder="token from regimes serve"
          />
          <button type="submit">save</button>
        </form>
      )}
    </div>
  );
}
