// The portal's frame: skip link, header with navigation and language switch, main, footer.
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../api/session';
import { LanguageSwitch } from '../lib/language-switch';
import { useT } from '../lib/locale';
import { Toasts } from './toasts';

export function PortalLayout() {
  const tr = useT();
  const session = useSession();
  const user = session.data?.user ?? null;
  return (
    <>
      <a className="skip-link" href="#main">
        {tr('common.skipToContent')}
      </a>
      <header className="site-header">
        <NavLink className="brand" to="/">
          {tr('common.brand')}
        </NavLink>
        <nav className="site-nav" aria-label={tr('portal.nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {tr('portal.nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/publicity">{tr('portal.nav.publicity')}</NavLink>
            </li>
            {user ? (
              <li>
                <a href="/app/">{tr('portal.nav.workspace', { name: user.displayName })}</a>
              </li>
            ) : (
              <>
                <li>
                  <NavLink to="/login">{tr('portal.nav.login')}</NavLink>
                </li>
                <li>
                  <NavLink to="/register">{tr('portal.nav.register')}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <LanguageSwitch className="lang-switch" signedIn={user !== null} />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{tr('portal.footer')}</p>
      </footer>
      <Toasts />
    </>
  );
}
