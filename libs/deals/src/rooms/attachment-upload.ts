import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import { MAX_ATTACHMENT_BYTES } from './attachment-types';

/**
 * A route that takes one uploaded file in the multipart field `file`, held in memory up to
 * MAX_ATTACHMENT_BYTES, and says so in the OpenAPI document: deal rooms and challenge proposals
 * take their attachments this way, and check each file's content themselves.
 */
export function AttachmentUpload(): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    }),
    UseInterceptors(
      FileInterceptor('file', {
        storage: memoryStorage(),
        limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 },
      }),
    ),
  );
}
