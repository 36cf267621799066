// Entry of the staff and enterprise workspace (app.html, served at /app/*).
import '../styles/workspace.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WorkspaceApp } from './app';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <WorkspaceApp />
    </StrictMode>,
  );
}
