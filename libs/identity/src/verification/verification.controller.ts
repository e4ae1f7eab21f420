import { Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Public } from '@kuaizhuan/platform';
import { memoryStorage } from 'multer';
import { CurrentUser, Roles, Standing, type Caller } from '../auth/caller';
import { UuidPipe } from '../http/fields';
import { MAX_LICENCE_BYTES } from './licence-file';
import type { OrganisationLicence } from './organisation-licence.entity';
import { LegalTextView, LicenceOnFileView, LicenceView, VerificationDetailsView } from './verification.dto';
import { VerificationService, type LicenceUpload } from './verification.service';

function fileOf(row: OrganisationLicence): StreamableFile {
  return new StreamableFile(row.content!, {
    type: row.contentType,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
  });
}

/** The legal texts a registration accepts (public: read before signing up). */
@ApiTags('auth')
@Controller('legal')
export class LegalController {
  constructor(private readonly verification: VerificationService) {}

  /** The current user agreement and privacy notice, with their versions. */
  @Public()
  @Get('documents')
  documents(): LegalTextView[] {
    return this.verification.documents();
  }
}

/** An organisation's business licence, uploaded by its members for verification. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationLicenceController {
  constructor(private readonly verification: VerificationService) {}

  /** The licence on file for your organisation, or null. */
  @Get(':id/licence')
  licence(@CurrentUser() caller: Caller, @Param('id', UuidPipe) id: string): Promise<LicenceOnFileView> {
    return this.verification.licenceOf(caller, id);
  }

  /**
   * Uploads your organisation's business licence (field `file`): a PDF, PNG or JPEG, checked by
   * its content, at most 5 MB; only while the organisation is not yet verified. Replaces any earlier one.
   * A pending organisation may upload it: it is how the organisation gets verified.
   */
  @Post(':id/licence')
  @Standing('draft')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(
    FileInterceptor('file', {
      storage: memoryStorage(),
      // One byte over the cap reaches the service, which names the field in its refusal.
      limits: { fileSize: MAX_LICENCE_BYTES + 1, files: 1, fields: 0 },
    }),
  )
  upload(
    @CurrentUser() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @UploadedFile() file: LicenceUpload | undefined,
  ): Promise<LicenceView> {
    return this.verification.uploadLicence(caller, id, file);
  }

  /** Downloads your organisation's licence. */
  @Get(':id/licence/file')
  async download(@CurrentUser() caller: Caller, @Param('id', UuidPipe) id: string): Promise<StreamableFile> {
    return fileOf(await this.verification.licenceFile(caller, id));
  }
}

/** What the operator sees before verifying an organisation. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/organisations')
export class AdminVerificationController {
  constructor(private readonly verification: VerificationService) {}

  /** The registrant's contact, the business licence on file and the consents given. */
  @Get(':id/verification')
  details(@Param('id', UuidPipe) id: string): Promise<VerificationDetailsView> {
    return this.verification.details(id);
  }

  /** Downloads the organisation's business licence. */
  @Get(':id/licence')
  async download(@CurrentUser() admin: Caller, @Param('id', UuidPipe) id: string): Promise<StreamableFile> {
    return fileOf(await this.verification.licenceFile(admin, id));
  }
}
