// Materials over HTTP. An upload is the file's bytes as the request body (application/octet-stream), with its
// kind and name in the query: the body streams into the file store and is never parsed or held whole. A
// download is always an attachment with the type detected from its content, so a browser never renders it in
// the product's origin.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  applicationDetailSchema,
  materialParams,
  materialSchema,
  signCommitmentBody,
  uploadMaterialQuery,
} from '../../shared/api/applications';
import { idParams } from '../../shared/api/primitives';
import type { Action } from '../../shared/authz';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import { MEDIA_TYPES } from '../files/detect-type';
import { attachmentDisposition } from '../http/attachment';
import { signedInContext } from '../use-case';
import { presentMaterial } from './application.presenter';
import { readApplicationDetail } from './application-access';
import { openMaterial, removeMaterial, signApplicationCommitment, uploadMaterial } from './materials';

const MIB = 1024 * 1024;

export const materialsRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  const own = { action: 'application.own' } as const satisfies { action: Action };
  const tags = ['applications'];

  // Only in this plugin: the raw request stream, for the file store to read.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post(
    '/api/my/applications/:id/materials',
    {
      config: own,
      schema: {
        tags,
        operationId: 'uploadMaterial',
        params: idParams,
        querystring: uploadMaterialQuery,
        consumes: ['application/octet-stream'],
        response: { 201: materialSchema },
      },
    },
    async (request, reply) => {
      const body: unknown = request.body;
      if (!(body instanceof Readable)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type');
      const { maxFileBytes } = deps.config.files;
      const declared = Number(request.headers['content-length']);
      // Refused before a byte is read when the client says up front that the file is too large.
      if (Number.isFinite(declared) && declared > maxFileBytes) {
        throw new AppError('FILE_TOO_LARGE', 'payload_too_large', { limitMb: maxFileBytes / MIB });
      }
      const ctx = { ...signedInContext(deps, request), files: deps.files, config: deps.config };
      const material = await uploadMaterial(ctx, {
        id: request.params.id,
        kind: request.query.kind,
        name: request.query.name,
        body,
      });
      return reply.status(201).send(presentMaterial(material));
    },
  );

  app.delete(
    '/api/my/applications/:id/materials/:materialId',
    { config: own, schema: { tags, operationId: 'removeMaterial', params: materialParams } },
    async (request, reply) => {
      await removeMaterial(signedInContext(deps, request), request.params);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/my/applications/:id/commitment',
    {
      config: own,
      schema: {
        tags,
        operationId: 'signCommitment',
        params: idParams,
        body: signCommitmentBody,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => {
      const ctx = signedInContext(deps, request);
      await signApplicationCommitment(ctx, { id: request.params.id, ...request.body });
      return readApplicationDetail(ctx, request.params.id);
    },
  );

  const download = (action: Action, operationId: string, url: string) =>
    app.get(
      url,
      { config: { action }, schema: { tags, operationId, params: materialParams } },
      async (request, reply) => {
        const ctx = { ...signedInContext(deps, request), files: deps.files };
        const { material, body } = await openMaterial(ctx, request.params);
        return reply
          .header('content-type', MEDIA_TYPES[material.fileType])
          .header('content-length', String(material.sizeBytes))
          .header('content-disposition', attachmentDisposition(material.originalName))
          .header('x-content-type-options', 'nosniff')
          .send(body);
      },
    );
  download('application.own', 'downloadMyMaterial', '/api/my/applications/:id/materials/:materialId');
  download('application.review', 'downloadMaterial', '/api/applications/:id/materials/:materialId');
};
