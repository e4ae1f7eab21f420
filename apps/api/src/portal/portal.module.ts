import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';

/** Where `npm run build` puts the portal (Vite's output), relative to the working directory. */
export const PORTAL_DIST = join(process.cwd(), 'apps', 'portal', 'dist');

/**
 * Serves the built portal at `/`: its files as they are, and index.html for every other
 * GET so the portal's own router handles deep links. Nothing under /api (or /metrics) is
 * ever answered with the page: unknown API paths stay JSON 404s. When the portal has not
 * been built, the api runs without it.
 */
@Module({})
export class PortalModule {
  static register(root = PORTAL_DIST): DynamicModule {
    if (!existsSync(join(root, 'index.html'))) return { module: PortalModule };
    return {
      module: PortalModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: root,
          exclude: ['/api', '/api/{*rest}', '/metrics'],
          serveStaticOptions: {
            index: false,
            // Hashed assets never change; the page itself is always revalidated.
            setHeaders: (res: Response, path: string) => {
              res.setHeader(
                'Cache-Control',
                path.includes(join('dist', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
              );
            },
          },
        }),
      ],
    };
  }
}
