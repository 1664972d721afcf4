// Side-effect CSS imports are bundled by Vite; this tells TypeScript they exist.
declare module '*.css';
