/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An opaque position in a list, for Relay pagination. Pass an edge's cursor as after or before. */
  Cursor: { input: string; output: string; }
  /** An instant, as an RFC 3339 string with its UTC offset, e.g. 2026-11-24T17:00:00-06:00. */
  Time: { input: string; output: string; }
};

/** A new access code (after the advocate confirmed who the person is). */
export type AccessCodePayload = {
  __typename?: 'AccessCodePayload';
  /** Shown once; every earlier session of the case was revoked. */
  accessCode: Scalars['String']['output'];
  /** The case after the change. */
  case: Case;
};

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  /** City. */
  city: Scalars['String']['output'];
  /** ZIP code. */
  postalCode: Scalars['String']['output'];
  /** State, e.g. IL. */
  state: Scalars['String']['output'];
  /** Street and number. */
  street: Scalars['String']['output'];
};

/** The victim's dedicated advocate, as the victim sees them. */
export type Advocate = {
  __typename?: 'Advocate';
  /** Work name. */
  displayName: Scalars['String']['output'];
  /** Work email. */
  email?: Maybe<Scalars['String']['output']>;
  /** Work phone. */
  phone?: Maybe<Phone>;
};

/** An appointment with a by-appointment service, in a case. */
export type Appointment = {
  __typename?: 'Appointment';
  /** When it ends. */
  endsAt: Scalars['Time']['output'];
  /** Path (on this API's origin) of its iCalendar (RFC 5545) file, with its time zone: GET it with the same Authorization header as /query. Only the person of the case and staff allowed on it get it. */
  icsUrl: Scalars['String']['output'];
  /** Opaque identifier. */
  id: Scalars['ID']['output'];
  /** Staff's note about a move or a cancellation, in the language they wrote it. */
  note?: Maybe<Scalars['String']['output']>;
  /** The service (null when it is no longer listed). */
  service?: Maybe<Service>;
  /** When it starts. */
  startsAt: Scalars['Time']['output'];
  /** Where it stands. */
  status: AppointmentStatus;
  /** Localized status label. */
  statusLabel: Scalars['String']['output'];
};

/** When a by-appointment service can be booked. */
export type AppointmentAvailability = {
  __typename?: 'AppointmentAvailability';
  /** Dates with no appointments (holidays, training days). */
  closures: Array<Closure>;
  /** Weekly periods in which appointments can start and end. */
  periods: Array<OpeningPeriod>;
  /** The service. */
  service?: Maybe<Service>;
  /** Length of one appointment, in minutes. */
  slotMinutes: Scalars['Int']['output'];
  /** IANA zone the periods and closures are in: the service's hours' zone, e.g. America/Chicago. */
  timeZone: Scalars['String']['output'];
};

/** When a by-appointment service can be booked. */
export type AppointmentAvailabilityInput = {
  /** Dates (YYYY-MM-DD, in the service's time zone) with no appointments. */
  closures?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Weekly periods in the service's time zone; each is cut into appointments of slotMinutes. */
  periods: Array<OpeningPeriodInput>;
  /** Length of one appointment, in minutes (5 to 480). */
  slotMinutes: Scalars['Int']['input'];
};

/** A time that can be booked. */
export type AppointmentSlot = {
  __typename?: 'AppointmentSlot';
  /** When it ends. */
  endsAt: Scalars['Time']['output'];
  /** When it starts. */
  startsAt: Scalars['Time']['output'];
};

/** Where an appointment stands. */
export type AppointmentStatus =
  /** Cancelled by the person or by staff; the time is free again. */
  | 'CANCELLED'
  /** Staff confirmed it. */
  | 'CONFIRMED'
  /** The person asked for it; staff have not confirmed it yet. The time is held for them. */
  | 'REQUESTED';

/** Staff view of a case (advocates, supervisors). Every read is audited. */
export type Case = Node & {
  __typename?: 'Case';
  /** The assigned advocate. */
  advocate?: Maybe<StaffMember>;
  /** Appointments in the case, soonest first (cancelled ones too). */
  appointments: Array<Appointment>;
  /** The case number. */
  caseNumber: Scalars['String']['output'];
  /** Compensation claim status. */
  claimStatus: ClaimStatus;
  /** When the case was closed. */
  closedAt?: Maybe<Scalars['Time']['output']>;
  /** Court dates, soonest first. */
  courtDates: Array<CourtDate>;
  /** What the person told us at intake. */
  description?: Maybe<Scalars['String']['output']>;
  /** The person's feedback. */
  feedback?: Maybe<Feedback>;
  /** When the advocate first contacted the person. */
  firstContactAt?: Maybe<Scalars['Time']['output']>;
  /** Follow-ups, soonest first. */
  followUps: Array<FollowUp>;
  /** Full history, oldest first, internal notes included. */
  history: Array<CaseHistoryEntry>;
  /** Opaque, typed identifier. */
  id: Scalars['ID']['output'];
  /** Messages with the person, newest last: the last `last` (default 20) before the cursor. */
  messages: CaseMessageConnection;
  /** Service categories the person asked for. */
  needs: Array<ServiceCategory>;
  /** How and when outside messages reach the person: read before any contact. */
  notificationPreferences: NotificationPreferences;
  /** Notifications about the case, newest first (at most 50), with their delivery. */
  notifications: Array<Notification>;
  /** When the request arrived. */
  openedAt: Scalars['Time']['output'];
  /** How it ended. */
  outcome?: Maybe<CaseOutcome>;
  /** Referrals to partner organizations, newest first. */
  referrals: Array<Referral>;
  /** How to contact the person safely: read before any contact. */
  safeContact: SafeContact;
  /** Where the case stands. */
  status: CaseStatus;
  /** Messages from the person staff have not read yet. */
  unreadMessageCount: Scalars['Int']['output'];
  /** Not safe or in immediate danger at intake: handle first. */
  urgent: Scalars['Boolean']['output'];
  /** Increases with every change; pass it back as expectedVersion to detect concurrent edits. */
  version: Scalars['Int']['output'];
};


/** Staff view of a case (advocates, supervisors). Every read is audited. */
export type CaseMessagesArgs = {
  before?: InputMaybe<Scalars['Cursor']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A Relay connection of cases. */
export type CaseConnection = {
  __typename?: 'CaseConnection';
  /** The cases of this page. */
  edges?: Maybe<Array<CaseEdge>>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many cases the caller can see with these filters. */
  totalCount: Scalars['Int']['output'];
};

/** A page of cases. */
export type CaseEdge = {
  __typename?: 'CaseEdge';
  /** Position of this edge, for after/before. */
  cursor: Scalars['Cursor']['output'];
  /** The case. */
  node?: Maybe<Case>;
};

/** An entry of the victim's timeline. */
export type CaseEvent = {
  __typename?: 'CaseEvent';
  /** When it happened. */
  at: Scalars['Time']['output'];
  /** A message from the advocate, in the language they wrote it. */
  detail?: Maybe<Scalars['String']['output']>;
  /** Localized headline, e.g. 'An advocate was assigned to you'. */
  title: Scalars['String']['output'];
};

/** What happened in a case (the kinds of history entries). */
export type CaseEventKind =
  /** The access code was reissued (every session revoked). */
  | 'ACCESS_CODE_REISSUED'
  /** An advocate was assigned. */
  | 'ADVOCATE_ASSIGNED'
  /** An appointment was cancelled (by the person or by staff). */
  | 'APPOINTMENT_CANCELLED'
  /** Staff confirmed an appointment. */
  | 'APPOINTMENT_CONFIRMED'
  /** The person asked for an appointment. */
  | 'APPOINTMENT_REQUESTED'
  /** Staff moved an appointment to another time. */
  | 'APPOINTMENT_RESCHEDULED'
  /** The compensation claim changed. */
  | 'CLAIM_UPDATED'
  /** The case was closed. */
  | 'CLOSED'
  /** A court date was added. */
  | 'COURT_DATE_ADDED'
  /** A court date was cancelled. */
  | 'COURT_DATE_CANCELLED'
  /** A court date moved or was corrected. */
  | 'COURT_DATE_CHANGED'
  /** The person gave feedback. */
  | 'FEEDBACK'
  /** The advocate first contacted the person. */
  | 'FIRST_CONTACT'
  /** A follow-up was done. */
  | 'FOLLOW_UP_DONE'
  /** A follow-up was scheduled. */
  | 'FOLLOW_UP_SCHEDULED'
  /** A note (victim-visible or internal). */
  | 'NOTE'
  /** Staff corrected the person's notification preferences (internal). */
  | 'PREFERENCES_CHANGED'
  /** The request arrived. */
  | 'RECEIVED'
  /** A referral to a partner moved to another step (proposed, consent given or withdrawn, sent, accepted, declined, completed). */
  | 'REFERRAL_UPDATED'
  /** The status changed. */
  | 'STATUS_CHANGED';

/** An entry of a case's full history, as staff see it. */
export type CaseHistoryEntry = {
  __typename?: 'CaseHistoryEntry';
  /** Who did it (null for the victim or the system). */
  actor?: Maybe<StaffMember>;
  /** When. */
  at: Scalars['Time']['output'];
  /** Free text written by staff. */
  detail?: Maybe<Scalars['String']['output']>;
  /** What happened. */
  kind: CaseEventKind;
  /** Localized headline (in the staff member's locale). */
  title: Scalars['String']['output'];
  /** Whether the victim sees this entry in their timeline. */
  victimVisible: Scalars['Boolean']['output'];
};

/** A message between the person and their advocate. */
export type CaseMessage = {
  __typename?: 'CaseMessage';
  /** The text; a template message reads in the reader's language. */
  body: Scalars['String']['output'];
  /** Who wrote it. */
  direction: MessageDirection;
  /** Opaque identifier. */
  id: Scalars['ID']['output'];
  /** When the other side read it (the read receipt). */
  readAt?: Maybe<Scalars['Time']['output']>;
  /** When it was sent. */
  sentAt: Scalars['Time']['output'];
  /** The template it was written from, if any. */
  template?: Maybe<Scalars['String']['output']>;
};

/** A page of a case's messages, oldest first: the newest page comes first; page back with before. */
export type CaseMessageConnection = {
  __typename?: 'CaseMessageConnection';
  /** The messages of this page, oldest first. */
  edges: Array<CaseMessageEdge>;
  /** Where this page is: hasPreviousPage means older messages exist. */
  pageInfo: PageInfo;
  /** How many messages the case has. */
  totalCount: Scalars['Int']['output'];
};

/** A message in a page of messages. */
export type CaseMessageEdge = {
  __typename?: 'CaseMessageEdge';
  /** Position of this edge, for before. */
  cursor: Scalars['Cursor']['output'];
  /** The message. */
  node: CaseMessage;
};

/** How a case ended. */
export type CaseOutcome =
  /** Referred to a partner organization. */
  | 'REFERRED'
  /** The person's needs were met. */
  | 'RESOLVED'
  /** We could not reach the person. */
  | 'UNABLE_TO_CONTACT'
  /** The person chose not to continue. */
  | 'VICTIM_DECLINED';

/** A victim session. */
export type CaseSession = {
  __typename?: 'CaseSession';
  /** When the session ends unless it is used (each use extends it, up to a limit). */
  expiresAt: Scalars['Time']['output'];
  /** Bearer token for the victim's own case; send as Authorization: Bearer <token>. */
  token: Scalars['String']['output'];
};

/** Where a case stands. */
export type CaseStatus =
  /** An advocate is assigned. */
  | 'ADVOCATE_ASSIGNED'
  /** The next step is a court hearing. */
  | 'AWAITING_COURT'
  /** The case is finished. */
  | 'CLOSED'
  /** The advocate is working on the case. */
  | 'IN_PROGRESS'
  /** The request arrived; an advocate will be assigned. */
  | 'RECEIVED';

/** Delivery of notifications on one channel over a period. */
export type ChannelDelivery = {
  __typename?: 'ChannelDelivery';
  /** The channel. */
  channel: DeliveryChannel;
  /** Still waiting. */
  deferred: Scalars['Int']['output'];
  /** Failed or dead. */
  failed: Scalars['Int']['output'];
  /** Sent (or delivered). */
  sent: Scalars['Int']['output'];
};

/** Progress of a victim compensation claim. */
export type ClaimStatus =
  /** Approved. */
  | 'APPROVED'
  /** Not approved. */
  | 'DENIED'
  /** Submitted. */
  | 'FILED'
  /** Not submitted yet. */
  | 'NOT_FILED'
  /** Paid. */
  | 'PAID'
  /** Being reviewed. */
  | 'UNDER_REVIEW';

/** A dated closure (e.g. a public holiday): no period that starts on that local date applies. */
export type Closure = {
  __typename?: 'Closure';
  /** Local date, YYYY-MM-DD. */
  date: Scalars['String']['output'];
};

/** A victim compensation claim. */
export type CompensationClaim = {
  __typename?: 'CompensationClaim';
  /** Where the claim stands. */
  status: ClaimStatus;
  /** Localized status label. */
  statusLabel: Scalars['String']['output'];
  /** When it last changed. */
  updatedAt: Scalars['Time']['output'];
};

/** How consent was given. */
export type ConsentMethod =
  /** In the app. */
  | 'IN_APP'
  /** Said to the advocate. */
  | 'SPOKEN'
  /** In writing. */
  | 'WRITTEN';

/** How the person wants to be contacted. */
export type ContactMethod =
  /** An email. */
  | 'EMAIL'
  /** Only in the app. */
  | 'IN_APP'
  /** A phone call. */
  | 'PHONE'
  /** A text message. */
  | 'SMS';

/** A court hearing in the case. */
export type CourtDate = {
  __typename?: 'CourtDate';
  /** Where the court is. */
  address?: Maybe<Address>;
  /** When the hearing starts. */
  at: Scalars['Time']['output'];
  /** Name of the court. */
  courtName: Scalars['String']['output'];
  /** Localized description of the hearing type. */
  description: Scalars['String']['output'];
  /** The hearing type. */
  hearing: HearingType;
  /** Path (on this API's origin) of its iCalendar (RFC 5545) file, with its time zone: GET it with the same Authorization header as /query. Only the person of the case and staff allowed on it get it. */
  icsUrl: Scalars['String']['output'];
  /** Opaque identifier (for updateCourtDate and cancelCourtDate). */
  id: Scalars['ID']['output'];
};

/** A court date to add. */
export type CourtDateInput = {
  /** When the hearing starts. */
  at: Scalars['Time']['input'];
  /** City. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Name of the court. */
  courtName: Scalars['String']['input'];
  /** The hearing type (default OTHER). */
  hearing?: InputMaybe<HearingType>;
  /** ZIP code. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** Street and number. */
  street?: InputMaybe<Scalars['String']['input']>;
};

/** How many items of one kind have a published translation in a locale. */
export type CoverageCount = {
  __typename?: 'CoverageCount';
  /** Of the published, how many a person approved. */
  approved: Scalars['Int']['output'];
  /** Of the published, how many are a machine's text no person checked. */
  machine: Scalars['Int']['output'];
  /** Items without published text in the locale. */
  missing: Array<Node>;
  /** Items with published text in the locale. */
  published: Scalars['Int']['output'];
  /** Of the published, how many a person reviewed. */
  reviewed: Scalars['Int']['output'];
  /** Items in all. */
  total: Scalars['Int']['output'];
};

/** A new location. Its name and accessibility notes are added with saveTranslation. */
export type CreateLocationInput = {
  /** Meets ADA accessibility standards. */
  adaAccessible?: InputMaybe<Scalars['Boolean']['input']>;
  /** City. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Opening hours of the place, when they differ from the services'. */
  hours?: InputMaybe<OpeningHoursInput>;
  /** Latitude in degrees. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Longitude in degrees. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Neighbourhood or community area. */
  neighborhood?: InputMaybe<Scalars['String']['input']>;
  /** ZIP code. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** Postal address. */
  street?: InputMaybe<Scalars['String']['input']>;
};

/** A new organization. Its name and description are added with saveTranslation. */
export type CreateOrganizationInput = {
  /** Public contact email. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Department or partner (default PARTNER). */
  kind?: InputMaybe<OrganizationKind>;
  /** Phone numbers. */
  phones?: InputMaybe<Array<PhoneInput>>;
  /** Slug for deep links (lower-case letters, digits, single dashes); by default derived from the English name when it is saved. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Position in lists; lower first. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** Public website. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** A new guide. Its text is added with saveResourceTranslation. */
export type CreateResourceInput = {
  /** What the guide is about. */
  category: ResourceCategory;
  /** Stable identifier for deep links: lower-case letters, digits and dashes. */
  slug: Scalars['String']['input'];
  /** Position in lists; lower first. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

/** A new service. Its name and description are added with saveTranslation. */
export type CreateServiceInput = {
  /** What kind of help it gives. */
  category: ServiceCategory;
  /** Contact email. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Opening hours. */
  hours: OpeningHoursInput;
  /** BCP 47 tags of the languages the service is delivered in. */
  languages?: InputMaybe<Array<Scalars['String']['input']>>;
  /** IDs of the locations it is delivered at. */
  locationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Marks a national line such as 988 (default false). */
  national?: InputMaybe<Scalars['Boolean']['input']>;
  /** Phone numbers. */
  phones?: InputMaybe<Array<PhoneInput>>;
  /** ID of the providing organization. */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  /** The ZIP codes and neighbourhoods it serves (at most 200). */
  serviceAreas?: InputMaybe<Array<ServiceAreaInput>>;
  /** Slug for deep links (lower-case letters, digits, single dashes); by default derived from the English name when it is saved. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Position in lists; lower first. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** ACTIVE (default) or INACTIVE. */
  status?: InputMaybe<ServiceStatus>;
};

/** Days of the week. */
export type DayOfWeek =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

/** The channel a notification went out on. */
export type DeliveryChannel =
  /** An email. */
  | 'EMAIL'
  /** A text message. */
  | 'SMS';

/** A number to call at once. */
export type EmergencyContact = {
  __typename?: 'EmergencyContact';
  /** What the service does, in the served locale. */
  description?: Maybe<Scalars['String']['output']>;
  /** Name of the service, in the served locale. */
  name: Scalars['String']['output'];
  /** Numbers to call, with tel: URIs, and to text, with sms: URIs. */
  phones: Array<Phone>;
  /** Locale the name was served in. */
  servedLocale: Scalars['String']['output'];
  /** The directory entry. */
  service: Service;
  /** Whether the served text was translated by machine or reviewed by a person (so an app can say "translated automatically"). */
  translationReview: TranslationReview;
};

/** The person's satisfaction rating. */
export type Feedback = {
  __typename?: 'Feedback';
  /** What they wrote. */
  comment?: Maybe<Scalars['String']['output']>;
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  rating: Scalars['Int']['output'];
  /** When it was last given. */
  submittedAt: Scalars['Time']['output'];
};

/** Satisfaction feedback. */
export type FeedbackInput = {
  /** Anything they want to tell us (at most 2000 characters). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  rating: Scalars['Int']['input'];
};

/** A planned check-in with the person. */
export type FollowUp = {
  __typename?: 'FollowUp';
  /** When it was done. */
  doneAt?: Maybe<Scalars['Time']['output']>;
  /** When it is due. */
  dueAt: Scalars['Time']['output'];
  /** Opaque identifier. */
  id: Scalars['ID']['output'];
  /** Internal note. */
  note?: Maybe<Scalars['String']['output']>;
};

/** Cases that met a goal. */
export type GoalAttainment = {
  __typename?: 'GoalAttainment';
  /** Cases that met it. */
  met: Scalars['Int']['output'];
  /** Cases measured. */
  of: Scalars['Int']['output'];
};

/** Kinds of court hearings. */
export type HearingType =
  /** The first hearing, where the charges are read. */
  | 'ARRAIGNMENT'
  /** Any other hearing. */
  | 'OTHER'
  /** The judge decides if the case goes on. */
  | 'PRELIMINARY_HEARING'
  /** The judge decides the sentence. */
  | 'SENTENCING'
  /** A short check on the case. */
  | 'STATUS_HEARING'
  /** The trial. */
  | 'TRIAL';

/** A locale the API speaks. */
export type Locale = {
  __typename?: 'Locale';
  /** BCP 47 tag, e.g. en, es, pl, zh-Hans, ar. */
  code: Scalars['String']['output'];
  /** Writing direction of the locale's script. */
  direction: TextDirection;
  /** The language's name in itself, e.g. Español. */
  nativeName: Scalars['String']['output'];
};

/** Translation coverage of one locale. */
export type LocaleCoverage = {
  __typename?: 'LocaleCoverage';
  /** Locale code. */
  locale: Scalars['String']['output'];
  /** Partner organizations. */
  partners: CoverageCount;
  /** Share of all items with published text in the locale, 0 to 100. */
  percent: Scalars['Float']['output'];
  /** Guides. */
  resources: CoverageCount;
  /** Active services. */
  services: CoverageCount;
};

/** A place where services are delivered in person. */
export type Location = Node & {
  __typename?: 'Location';
  /** Accessibility details in the served locale, e.g. where the step-free entrance is. */
  accessibilityNotes?: Maybe<Scalars['String']['output']>;
  /** Meets ADA accessibility standards (step-free access, accessible restrooms). */
  adaAccessible: Scalars['Boolean']['output'];
  /** Postal address. */
  address?: Maybe<Address>;
  /** True for places in the demo data set, which are not real. */
  demo: Scalars['Boolean']['output'];
  /**
   * Great-circle distance in kilometres (haversine on a sphere of radius 6371.0088 km) from the near point of
   * the root locations field this place is listed under; null without near, or when the place has no coordinates.
   */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** Opening hours of the place; null when the hours of the services apply. */
  hours?: Maybe<OpeningHours>;
  /** Opaque, typed identifier. */
  id: Scalars['ID']['output'];
  /** Latitude in degrees (WGS 84). */
  latitude?: Maybe<Scalars['Float']['output']>;
  /** Longitude in degrees (WGS 84). */
  longitude?: Maybe<Scalars['Float']['output']>;
  /** True when the text fields were translated by machine and not yet reviewed (translationReview.status is MACHINE). */
  machineTranslated: Scalars['Boolean']['output'];
  /** Name of the place, in the served locale. */
  name: Scalars['String']['output'];
  /** Neighbourhood or community area, e.g. Pilsen. */
  neighborhood?: Maybe<Scalars['String']['output']>;
  /** Locale the text fields were served in; differs from the requested one when a translation is missing. */
  servedLocale: Scalars['String']['output'];
  /** The ACTIVE services delivered here, in display order. */
  services?: Maybe<Array<Service>>;
  /** Review status of the served text fields: MACHINE, REVIEWED or APPROVED, and when. */
  translationReview: TranslationReview;
  /** When the item or its text in any locale last changed: an offline app passes the latest it holds as modifiedAfter. */
  updatedAt: Scalars['Time']['output'];
};


/** A place where services are delivered in person. */
export type LocationServicesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A Relay connection of locations. */
export type LocationConnection = {
  __typename?: 'LocationConnection';
  /** The locations of this page. */
  edges?: Maybe<Array<LocationEdge>>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many locations match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A page of locations. */
export type LocationEdge = {
  __typename?: 'LocationEdge';
  /** Position of this edge, for after/before. */
  cursor: Scalars['Cursor']['output'];
  /** The location. */
  node?: Maybe<Location>;
};

/** Who wrote a message. */
export type MessageDirection =
  /** The person wrote to their advocate. */
  | 'FROM_VICTIM'
  /** The advocate (or a supervisor) wrote to the person. */
  | 'TO_VICTIM';

/** A pre-translated message an advocate can send; the person reads it in their own language. */
export type MessageTemplate = {
  __typename?: 'MessageTemplate';
  /** The template's key, for sendMessageToVictim. */
  key: Scalars['String']['output'];
  /** Its text in the staff member's language. */
  text: Scalars['String']['output'];
};

/** One KPI against the unit's goal. */
export type Metric = {
  __typename?: 'Metric';
  /** The value before the program (for comparison). */
  baseline: Scalars['Float']['output'];
  /** Measured value over the period; null when there is no sample. */
  current?: Maybe<Scalars['Float']['output']>;
  /** The unit's goal. */
  goal: Scalars['Float']['output'];
  /** How many cases or ratings the value is computed from. */
  sampleSize: Scalars['Int']['output'];
  /** hours, days or percent. */
  unit: Scalars['String']['output'];
};

/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Advocates and supervisors: adds a note to the history, visible to the victim or internal. */
  addCaseNote: Case;
  /** Advocates and supervisors: adds a court date. */
  addCourtDate: Case;
  /** Supervisors: assigns the case to an advocate. */
  assignAdvocate: Case;
  /** Advocates and supervisors: cancel an appointment; the person is told. */
  cancelAppointment: Appointment;
  /** Cancel a court date; the person is told. */
  cancelCourtDate: Case;
  /** The victim: cancel one of their own appointments; the case's advocate (else the supervisors) is told. */
  cancelMyAppointment: Appointment;
  /** Give a staff account another role. Their earlier tokens stop working at once, on every server: they need a new token. Admins only; audited. */
  changeStaffRole: StaffMember;
  /** Advocates and supervisors: closes the case with an outcome. */
  closeCase: Case;
  /** Advocates and supervisors: marks a check-in done. */
  completeFollowUp: Case;
  /** The case's advocate or a supervisor: marks an accepted referral completed. */
  completeReferral: Referral;
  /** Advocates and supervisors: confirm a requested appointment; the person is told. */
  confirmAppointment: Appointment;
  /** Advocates and supervisors: correct the person's preferences (and the phone or email they go to) after talking to them. */
  correctNotificationPreferences: Case;
  /** Editors and admins: adds a location. */
  createLocation: Location;
  /** Editors and admins: adds an organization. */
  createOrganization: Organization;
  /** Editors and admins: adds a guide. */
  createResource: Resource;
  /** Editors and admins: adds a service. */
  createService: Service;
  /** Disable a staff account: every token of theirs stops working at once. Admins only; audited. */
  disableStaff: StaffMember;
  /** Enable a disabled staff account again. Their earlier tokens stay ended: they need a new token. Admins only; audited. */
  enableStaff: StaffMember;
  /** Revokes the current victim session at once (quick exit on a shared device). */
  endCaseSession: Scalars['Boolean']['output'];
  /** Supervisors: erase one case and every record of it at the person's request; its audit trail, which holds no content, stays. Audited; cannot be undone. */
  eraseCase: Scalars['Boolean']['output'];
  /** Supervisors: everything the unit holds of one case as a JSON document (contact details, history, messages, court dates, referrals, feedback, notifications), for a person's request for their data. Audited. */
  exportCase: Scalars['String']['output'];
  /** Victim session: consents to a proposed referral in the app. */
  giveReferralConsent: VictimReferral;
  /** Advocates and supervisors: mark the person's messages read. Returns how many were unread. */
  markCaseMessagesRead: Scalars['Int']['output'];
  /** The victim: mark the advocate's messages read. Returns how many were unread. */
  markMyMessagesRead: Scalars['Int']['output'];
  /** Exchanges case number and access code for a short-lived victim session. */
  openCaseSession: CaseSession;
  /** The case's advocate or a supervisor: proposes a referral to a partner (nothing is shared until the person consents). */
  proposeReferral: Referral;
  /** Advocates and supervisors: records the first contact with the person (now unless at is given). */
  recordFirstContact: Case;
  /** The case's advocate or a supervisor: records the person's consent, what they agreed to share, when and how. */
  recordReferralConsent: Referral;
  /** The case's advocate or a supervisor: records the partner's answer; a decline needs a reason the person can read. */
  recordReferralResponse: Referral;
  /** The case's advocate or a supervisor: records that the person withdrew consent (the referral stops). */
  recordReferralWithdrawal: Referral;
  /** Advocates and supervisors, after confirming who the person is by phone: a new access code; every session of the case is revoked. */
  reissueAccessCode: AccessCodePayload;
  /** The victim: ask for one of the free times of a by-appointment service (see availableSlots); the case's advocate (else the supervisors) is told. CONFLICT when someone else has just taken it. */
  requestAppointment: Appointment;
  /** Public, rate limited: a person asks for help and receives a case number and access code. */
  requestSupport: SupportRequestPayload;
  /** Advocates and supervisors: move an appointment to another free time of its service (it is then confirmed); the person is told. CONFLICT when that time is taken. */
  rescheduleAppointment: Appointment;
  /** Editors: record the review of a guide's text in one locale: REVIEWED or APPROVED under the editor's work name at the request's instant; MACHINE marks it unreviewed again. The text is unchanged. */
  reviewResourceTranslation: ResourceTranslation;
  /** Editors: record the review of one locale's text of a service, organization or location: REVIEWED or APPROVED under the editor's work name at the request's instant; MACHINE marks it unreviewed again. The text is unchanged. */
  reviewTranslation: Translation;
  /**
   * Editors and admins: creates or replaces a guide's text in one locale (a DRAFT unless publish is true)
   * and keeps the saved version in the guide's revisions.
   */
  saveResourceTranslation: ResourceTranslation;
  /**
   * Editors and admins: creates or replaces the text of a service, organization or location in one
   * locale, as a DRAFT unless input.publish is true. Saving a draft over published text unpublishes
   * that locale until it is published again (readers fall back along the locale chain meanwhile).
   */
  saveTranslation: Translation;
  /** Advocates and supervisors: plans a check-in. */
  scheduleFollowUp: Case;
  /** The victim: write to their advocate (at most 2000 characters; rate limited). */
  sendCaseMessage: CaseMessage;
  /** Advocates and supervisors: write to the person, in free text or from a template (then in the person's language). */
  sendMessageToVictim: CaseMessage;
  /** The case's advocate or a supervisor: marks a consented referral sent. */
  sendReferral: Referral;
  /** Supervisors and directory editors: set when a by-appointment service can be booked (replaces what was set). */
  setAppointmentAvailability: AppointmentAvailability;
  /** Editors and admins: publishes (true) or unpublishes (false) one locale's text of a guide. */
  setResourceTranslationPublished: ResourceTranslation;
  /** Editors and admins: publishes (true) or unpublishes (false) one locale's text of a service, organization or location. */
  setTranslationPublished: Translation;
  /** End every token issued to a staff account so far (sign out everywhere, e.g. after a lost phone). Admins for any account, and every staff member for their own; audited. */
  signOutStaffEverywhere: StaffMember;
  /** The victim: stop every message outside the app at once (in-app updates go on). */
  stopOutsideMessages: NotificationPreferences;
  /** Victim session only: rates the case (one rating per case; a new one replaces it). */
  submitFeedback: Feedback;
  /** Advocates and supervisors. With expectedVersion, a case changed since then is a CONFLICT. */
  updateCaseStatus: Case;
  /** Advocates and supervisors: updates the compensation claim. */
  updateCompensationClaim: Case;
  /** Move or correct a court date; the person is told. */
  updateCourtDate: Case;
  /** Editors and admins: changes a location. */
  updateLocation: Location;
  /** The victim: change their own notification preferences. */
  updateMyNotificationPreferences: NotificationPreferences;
  /** Editors and admins: changes an organization. */
  updateOrganization: Organization;
  /** Editors and admins: changes a guide. */
  updateResource: Resource;
  /** Editors and admins. */
  updateService: Service;
  /** Victim session: withdraws consent; the referral stops. */
  withdrawReferralConsent: VictimReferral;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationAddCaseNoteArgs = {
  caseId: Scalars['ID']['input'];
  detail: Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  victimVisible: Scalars['Boolean']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationAddCourtDateArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: CourtDateInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationAssignAdvocateArgs = {
  advocateId: Scalars['ID']['input'];
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCancelAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCancelCourtDateArgs = {
  courtDateId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCancelMyAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationChangeStaffRoleArgs = {
  role: StaffRole;
  staffId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCloseCaseArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: CaseOutcome;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCompleteFollowUpArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  followUpId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCompleteReferralArgs = {
  referralId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationConfirmAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCorrectNotificationPreferencesArgs = {
  caseId: Scalars['ID']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  input: NotificationPreferencesInput;
  phone?: InputMaybe<Scalars['String']['input']>;
  stop?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCreateLocationArgs = {
  input: CreateLocationInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCreateResourceArgs = {
  input: CreateResourceInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationCreateServiceArgs = {
  input: CreateServiceInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationDisableStaffArgs = {
  staffId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationEnableStaffArgs = {
  staffId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationEraseCaseArgs = {
  caseId: Scalars['ID']['input'];
  confirmCaseNumber: Scalars['String']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationExportCaseArgs = {
  caseId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationGiveReferralConsentArgs = {
  referralId: Scalars['ID']['input'];
  share: ReferralShare;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationMarkCaseMessagesReadArgs = {
  caseId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationOpenCaseSessionArgs = {
  accessCode: Scalars['String']['input'];
  caseNumber: Scalars['String']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationProposeReferralArgs = {
  caseId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  serviceId?: InputMaybe<Scalars['ID']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationRecordFirstContactArgs = {
  at?: InputMaybe<Scalars['Time']['input']>;
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationRecordReferralConsentArgs = {
  givenAt?: InputMaybe<Scalars['Time']['input']>;
  method: ConsentMethod;
  referralId: Scalars['ID']['input'];
  share: ReferralShare;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationRecordReferralResponseArgs = {
  accepted: Scalars['Boolean']['input'];
  declineReason?: InputMaybe<Scalars['String']['input']>;
  referralId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationRecordReferralWithdrawalArgs = {
  referralId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationReissueAccessCodeArgs = {
  caseId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationRequestAppointmentArgs = {
  serviceId: Scalars['ID']['input'];
  startsAt: Scalars['Time']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationRequestSupportArgs = {
  input: SupportRequestInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationRescheduleAppointmentArgs = {
  appointmentId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  startsAt: Scalars['Time']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationReviewResourceTranslationArgs = {
  locale: Scalars['String']['input'];
  resourceId: Scalars['ID']['input'];
  status: ReviewStatus;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationReviewTranslationArgs = {
  locale: Scalars['String']['input'];
  ownerId: Scalars['ID']['input'];
  status: ReviewStatus;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSaveResourceTranslationArgs = {
  input: SaveResourceTranslationInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSaveTranslationArgs = {
  input: SaveTranslationInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationScheduleFollowUpArgs = {
  caseId: Scalars['ID']['input'];
  dueAt: Scalars['Time']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSendCaseMessageArgs = {
  body: Scalars['String']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSendMessageToVictimArgs = {
  body?: InputMaybe<Scalars['String']['input']>;
  caseId: Scalars['ID']['input'];
  template?: InputMaybe<Scalars['String']['input']>;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSendReferralArgs = {
  referralId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSetAppointmentAvailabilityArgs = {
  input: AppointmentAvailabilityInput;
  serviceId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSetResourceTranslationPublishedArgs = {
  locale: Scalars['String']['input'];
  published: Scalars['Boolean']['input'];
  resourceId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSetTranslationPublishedArgs = {
  locale: Scalars['String']['input'];
  ownerId: Scalars['ID']['input'];
  published: Scalars['Boolean']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSignOutStaffEverywhereArgs = {
  staffId: Scalars['ID']['input'];
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationSubmitFeedbackArgs = {
  input: FeedbackInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateCaseStatusArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  status: CaseStatus;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateCompensationClaimArgs = {
  caseId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  status: ClaimStatus;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateCourtDateArgs = {
  courtDateId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: CourtDateInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateLocationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateLocationInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateMyNotificationPreferencesArgs = {
  input: NotificationPreferencesInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateOrganizationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateOrganizationInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateResourceArgs = {
  id: Scalars['ID']['input'];
  input: UpdateResourceInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationUpdateServiceArgs = {
  id: Scalars['ID']['input'];
  input: UpdateServiceInput;
};


/** Changes. Every mutation runs in one transaction: it is applied whole or not at all. */
export type MutationWithdrawReferralConsentArgs = {
  referralId: Scalars['ID']['input'];
};

/** A point on the map (WGS 84). */
export type NearInput = {
  /** Latitude in degrees, -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Longitude in degrees, -180 to 180. */
  longitude: Scalars['Float']['input'];
};

/**
 * An object with an opaque, typed ID that node(id:) can fetch again. IDs carry their type:
 * an ID of one type never resolves as another, and IDs reveal neither counts nor order.
 */
export type Node = {
  /** Opaque, typed identifier. */
  id: Scalars['ID']['output'];
};

/** A notification outside the app, as staff see it: never its recipient's address. */
export type Notification = {
  __typename?: 'Notification';
  /** Delivery attempts so far. */
  attempts: Scalars['Int']['output'];
  /** The text as sent (a title or the neutral text; a staff alert). */
  body?: Maybe<Scalars['String']['output']>;
  /** The case it is about. */
  caseNumber?: Maybe<Scalars['String']['output']>;
  /** The channel. */
  channel: DeliveryChannel;
  /** When it was queued. */
  createdAt: Scalars['Time']['output'];
  /** Opaque identifier. */
  id: Scalars['ID']['output'];
  /** The provider's error code or why it was not sent. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Sent with the neutral text. */
  neutral: Scalars['Boolean']['output'];
  /** Not sent before this instant. */
  notBefore: Scalars['Time']['output'];
  /** When it was sent. */
  sentAt?: Maybe<Scalars['Time']['output']>;
  /** Where delivery stands. */
  status: NotificationStatus;
  /** True for staff alerts (to staff email), false for the person. */
  toStaff: Scalars['Boolean']['output'];
  /** What it is about. */
  topic: NotificationTopic;
  /** How it was sent: smtp, sms or local (the development outbox). */
  transport?: Maybe<Scalars['String']['output']>;
};

/** Where notifications outside the app go. */
export type NotificationChannel =
  /** Email to the person's address. */
  | 'EMAIL'
  /** None outside the app: updates show in the app only. */
  | 'IN_APP'
  /** Text messages to the person's phone. */
  | 'SMS';

/** How and when messages outside the app reach the person. Read before any contact. */
export type NotificationPreferences = {
  __typename?: 'NotificationPreferences';
  /** Where notifications go. */
  channel: NotificationChannel;
  /** When outside messages may arrive (weekly, in timeZone); empty means any time. */
  contactWindows: Array<OpeningPeriod>;
  /** The language messages are written in. */
  preferredLocale: Scalars['String']['output'];
  /** False when a message could put the person at risk: outside messages then carry only a neutral text. */
  safeToLeaveMessage: Scalars['Boolean']['output'];
  /** True when the person stopped all outside messages (in-app updates go on). */
  stopped: Scalars['Boolean']['output'];
  /** When they were stopped. */
  stoppedAt?: Maybe<Scalars['Time']['output']>;
  /** Who stopped them. */
  stoppedBy?: Maybe<OutreachStoppedBy>;
  /** IANA zone of the contact windows. */
  timeZone: Scalars['String']['output'];
};

/** Changes to notification preferences; absent fields stay as they are. */
export type NotificationPreferencesInput = {
  /** Where notifications go (SMS needs a phone number, EMAIL an address). */
  channel?: InputMaybe<NotificationChannel>;
  /** When outside messages may arrive; an empty list means any time. */
  contactWindows?: InputMaybe<Array<OpeningPeriodInput>>;
  /** The language messages are written in (one of the supported locales). */
  preferredLocale?: InputMaybe<Scalars['String']['input']>;
  /** True lifts a stop of all outside messages. */
  resume?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether a message could be seen safely. */
  safeToLeaveMessage?: InputMaybe<Scalars['Boolean']['input']>;
  /** IANA zone of the contact windows, e.g. America/Chicago. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Where a notification's delivery stands. */
export type NotificationStatus =
  /** Out of attempts: the dead letter, for supervisors to look into. */
  | 'DEAD'
  /** Reported delivered by the provider. */
  | 'DELIVERED'
  /** Refused by the provider or reported undelivered. */
  | 'FAILED'
  /** Carried by another notification's digest. */
  | 'FOLDED'
  /** Waiting to be sent (outside a contact window, over the hourly limit, or its channel not configured). */
  | 'PENDING'
  /** Being sent. */
  | 'SENDING'
  /** Accepted by the provider. */
  | 'SENT'
  /** Not sent: the person stopped outside messages, or it no longer applied. */
  | 'SKIPPED';

/** What a notification is about. */
export type NotificationTopic =
  /** An advocate was assigned. */
  | 'ADVOCATE_ASSIGNED'
  /** Staff: an advocate's daily digest. */
  | 'ADVOCATE_DIGEST'
  /** Victim: staff cancelled their appointment. Staff: the person cancelled one. */
  | 'APPOINTMENT_CANCELLED'
  /** Victim: staff confirmed their appointment. */
  | 'APPOINTMENT_CONFIRMED'
  /** Staff (the case's advocate, else the supervisors): the person asked for an appointment to confirm. */
  | 'APPOINTMENT_REQUESTED'
  /** Victim: their appointment moved to another time. */
  | 'APPOINTMENT_RESCHEDULED'
  /** The compensation claim moved on. */
  | 'CLAIM_UPDATED'
  /** A court date was added. */
  | 'COURT_DATE_ADDED'
  /** A court date was cancelled. */
  | 'COURT_DATE_CANCELLED'
  /** A court date changed. */
  | 'COURT_DATE_CHANGED'
  /** A court date is tomorrow. */
  | 'COURT_REMINDER_DAY'
  /** A court date is a week away. */
  | 'COURT_REMINDER_WEEK'
  /** A request for feedback, a day after closing. */
  | 'FEEDBACK_REQUEST'
  /** Staff: a case nears 24 hours without first contact. */
  | 'FIRST_CONTACT_DUE'
  /** A check-in was planned. */
  | 'FOLLOW_UP_SCHEDULED'
  /** A message from the advocate. */
  | 'MESSAGE'
  /** A referral moved on. */
  | 'REFERRAL_UPDATED'
  /** Staff: a case nears 15 days open. */
  | 'RESOLUTION_DUE'
  /** The case's status changed. */
  | 'STATUS_CHANGED';

/** When a service or location is open. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  /** Open 24 hours, 7 days a week. */
  alwaysOpen: Scalars['Boolean']['output'];
  /** No walk-in hours: people book a time first. Never open now. */
  byAppointment: Scalars['Boolean']['output'];
  /** Dated closures from today on. */
  closures?: Maybe<Array<Closure>>;
  /** Weekly periods; empty when always open or by appointment. */
  periods?: Maybe<Array<OpeningPeriod>>;
  /** Human summary in the served locale, e.g. 'Monday to Friday, 9 am to 5 pm'. */
  summary: Scalars['String']['output'];
  /** IANA zone the periods are in, e.g. America/Chicago. */
  timeZone: Scalars['String']['output'];
};

/** Opening hours to store. */
export type OpeningHoursInput = {
  /** Open 24/7. */
  alwaysOpen?: InputMaybe<Scalars['Boolean']['input']>;
  /** By appointment only. */
  byAppointment?: InputMaybe<Scalars['Boolean']['input']>;
  /** Closure dates, YYYY-MM-DD. */
  closures?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Weekly periods. */
  periods?: InputMaybe<Array<OpeningPeriodInput>>;
  /** IANA zone, e.g. America/Chicago. */
  timeZone: Scalars['String']['input'];
};

/** One weekly opening period. */
export type OpeningPeriod = {
  __typename?: 'OpeningPeriod';
  /** Local wall-clock time, HH:MM (24:00 for midnight at the end of the day). At or before opens means the period ends the next day. */
  closes: Scalars['String']['output'];
  /** Day the period starts on. */
  day: DayOfWeek;
  /** Local wall-clock time, HH:MM, in the hours' time zone. */
  opens: Scalars['String']['output'];
};

/** One weekly opening period to store. */
export type OpeningPeriodInput = {
  /** HH:MM (24:00 for midnight); at or before opens means the next day. */
  closes: Scalars['String']['input'];
  /** Day the period starts on. */
  day: DayOfWeek;
  /** HH:MM, local time. */
  opens: Scalars['String']['input'];
};

/** The department itself or a partner organization. */
export type Organization = Node & {
  __typename?: 'Organization';
  /** What the organization does, in the served locale. */
  description?: Maybe<Scalars['String']['output']>;
  /** Public contact email address. */
  email?: Maybe<Scalars['String']['output']>;
  /** Opaque, typed identifier. */
  id: Scalars['ID']['output'];
  /** The department or a partner. */
  kind: OrganizationKind;
  /** True when the text fields were translated by machine and not yet reviewed (translationReview.status is MACHINE). */
  machineTranslated: Scalars['Boolean']['output'];
  /** Name in the served locale. */
  name: Scalars['String']['output'];
  /** Public phone numbers. */
  phones?: Maybe<Array<Phone>>;
  /** Locale the text fields were served in; differs from the requested one when a translation is missing. */
  servedLocale: Scalars['String']['output'];
  /** Services the organization provides, in display order. */
  services?: Maybe<Array<Service>>;
  /** Stable, locale-independent name for deep links (organization(slug:)), e.g. harbor-safe-shelter; null until the English name is saved. */
  slug?: Maybe<Scalars['String']['output']>;
  /** Review status of the served text fields: MACHINE, REVIEWED or APPROVED, and when. */
  translationReview: TranslationReview;
  /** Every translation of the text fields, drafts included for editors (the public sees published ones only). */
  translations: Array<Translation>;
  /** When the item or its text in any locale last changed: an offline app passes the latest it holds as modifiedAfter. */
  updatedAt: Scalars['Time']['output'];
  /** Public website. */
  website?: Maybe<Scalars['String']['output']>;
};


/** The department itself or a partner organization. */
export type OrganizationServicesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A Relay connection of organizations. */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** The organizations of this page. */
  edges?: Maybe<Array<OrganizationEdge>>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many organizations there are, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A page of organizations. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** Position of this edge, for after/before. */
  cursor: Scalars['Cursor']['output'];
  /** The organization. */
  node?: Maybe<Organization>;
};

/** Whether an organization is the department itself or a partner. */
export type OrganizationKind =
  /** The police department's Victim Services Unit. */
  | 'DEPARTMENT'
  /** A partner organization the unit refers people to. */
  | 'PARTNER';

/** Who stopped all outside messages. */
export type OutreachStoppedBy =
  /** The person, in the app. */
  | 'APP'
  /** The person, by replying STOP to a text. */
  | 'SMS_REPLY'
  /** Staff, at the person's request. */
  | 'STAFF';

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge of the page. */
  endCursor?: Maybe<Scalars['Cursor']['output']>;
  /** True when there are more items after endCursor. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when there are more items before startCursor. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge of the page. */
  startCursor?: Maybe<Scalars['Cursor']['output']>;
};

/** Referral figures for one partner. */
export type PartnerReferrals = {
  __typename?: 'PartnerReferrals';
  /** Of those, accepted (including completed ones). */
  accepted: Scalars['Int']['output'];
  /** Of those, completed. */
  completed: Scalars['Int']['output'];
  /** Of those, declined. */
  declined: Scalars['Int']['output'];
  /** The partner. */
  partner: Organization;
  /** Referrals proposed in the period. */
  total: Scalars['Int']['output'];
};

/** The unit's KPIs over a period. */
export type PerformanceReport = {
  __typename?: 'PerformanceReport';
  /** Mean time from request to closing (cases closed in the period), days. Goal 15. */
  caseResolution: Metric;
  /** Closed cases of the period with feedback, as a share (0 to 1; null with none closed). */
  feedbackResponseRate?: Maybe<Scalars['Float']['output']>;
  /** Start of the period. */
  from: Scalars['Time']['output'];
  /** Mean time from request to first contact (cases opened in the period), hours. Goal 24. */
  initialContact: Metric;
  /** Cases opened in the period that had first contact within 24 hours. */
  initialContactGoal: GoalAttainment;
  /** Notifications queued in the period, by channel. */
  notificationDelivery: Array<ChannelDelivery>;
  /** Referrals made in the period, per partner. */
  referrals: Array<PartnerReferrals>;
  /** Cases closed in the period within 15 days of opening. */
  resolutionGoal: GoalAttainment;
  /** Share of ratings of 4 or 5 (feedback given in the period), percent. Goal 90. */
  satisfaction: Metric;
  /** Feedback in the period rated 4 or 5. */
  satisfactionGoal: GoalAttainment;
  /** End of the period (exclusive). */
  to: Scalars['Time']['output'];
  /** Mean time to first contact of urgent cases opened in the period, hours (the unit's goal of 24 applies to them too). */
  urgentInitialContact: Metric;
};

/** A phone number, ready for one-tap calling. */
export type Phone = {
  __typename?: 'Phone';
  /** Formatted for display, e.g. (312) 555-1234. */
  display: Scalars['String']['output'];
  /** What the number is for. */
  kind: PhoneKind;
  /** E.164 (+13125551234) or a short emergency number (911). */
  number: Scalars['String']['output'];
  /** SMS lines only: what to text to start the conversation, e.g. START; null when any text will do. */
  smsBody?: Maybe<Scalars['String']['output']>;
  /** SMS lines only (null otherwise): sms: URI (RFC 5724) that opens a text to the number, with smsBody filled in (sms:988, sms:88788?body=START). */
  smsUri?: Maybe<Scalars['String']['output']>;
  /** tel: URI for one-tap calling: tel: and the E.164 number without separators (tel:+13125551234); short numbers as they are (tel:911). */
  telUri: Scalars['String']['output'];
};

/** A phone number to store. */
export type PhoneInput = {
  /** What the number is for. */
  kind: PhoneKind;
  /** Any common format; stored as E.164. Short numbers (911, 988) and, on SMS lines, short codes (88788) stay as they are. */
  number: Scalars['String']['input'];
  /** SMS lines only: what to text to start, e.g. START (at most 160 characters). */
  smsBody?: InputMaybe<Scalars['String']['input']>;
};

/** What a phone number is for. */
export type PhoneKind =
  /** A hotline answered around the clock or for emergencies. */
  | 'HOTLINE'
  /** Text messages: the number takes texts (smsUri). May be a short code such as 88788, which takes texts only. */
  | 'SMS'
  /** Text telephone for deaf and hard-of-hearing callers. */
  | 'TTY'
  /** An ordinary voice line. */
  | 'VOICE';

/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type Query = {
  __typename?: 'Query';
  /** Public: the free times of a by-appointment service that start in [from, to) and not in the past, soonest first (at most 31 days at once). */
  availableSlots: Array<AppointmentSlot>;
  /** Advocates and supervisors: look a case up by its number (null when not found or not visible). */
  case?: Maybe<Case>;
  /** Advocates (their cases) and supervisors (all): cases, urgent first, then newest. */
  cases: CaseConnection;
  /**
   * The lines to show before anything else, and to keep for offline use, in the reader's language, in
   * this order: the emergency line (911), the unit's 24/7 victim advocacy line, then the national lines
   * (the 988 Suicide & Crisis Lifeline, the National Domestic Violence Hotline). Every active service
   * that is open around the clock and has a phone, of category EMERGENCY or VICTIM_ADVOCACY or marked
   * national; editors change them like any service. The same lines the urgent intake answers with.
   * A public answer: cacheable as a GET.
   */
  crisisContacts: Array<EmergencyContact>;
  /** Development only (no SMS or mail configured): the messages the server would have sent, newest first, for staff to read. Empty in production. */
  developmentOutbox: Array<Notification>;
  /** The locales the API speaks, English first. */
  locales: Array<Locale>;
  /**
   * Places where services are delivered in person. With near, ordered by distance from that point
   * (nearest first, then by ID) and only places with coordinates are listed; without it, by ID.
   * Pages hold 20 places unless first or last says otherwise (at most 100).
   */
  locations: LocationConnection;
  /** Staff: the templates an advocate can send, in the reader's language. */
  messageTemplates: Array<MessageTemplate>;
  /** The case of the victim session in the Authorization header; null without a session. */
  myCase?: Maybe<VictimCase>;
  /** Fetches any object that implements Node by its ID; null when it does not exist or is not visible to the caller. */
  node?: Maybe<Node>;
  /** Fetches several objects by ID, in the order given; null for each one that does not exist or is not visible. */
  nodes: Array<Maybe<Node>>;
  /** Supervisors (every case) and advocates (theirs): notifications, newest first, optionally only those in one status (DEAD for the dead letters). */
  notifications: Array<Notification>;
  /** An organization by its slug; null when there is none. */
  organization?: Maybe<Organization>;
  /**
   * Organizations (the department and its partners), in display order. Pages hold 20 unless first or last
   * says otherwise (at most 100).
   */
  organizations: OrganizationConnection;
  /** Partner organizations, in display order (20 a page unless first or last says otherwise; at most 100). */
  partners: OrganizationConnection;
  /** Supervisors only: the KPIs over [from, to) (default: the 30 days before now). */
  performanceReport: PerformanceReport;
  /**
   * What an offline app should drop: services, organizations, locations and guides deleted, or withdrawn
   * from public view (a service made inactive), after modifiedAfter, oldest first. Deletions are kept for
   * 400 days; an app that last synced earlier loads the whole sync document again.
   */
  removedSince: Array<RemovedItem>;
  /** A guide by its slug; null when there is none. */
  resource?: Maybe<Resource>;
  /** Guides in display order (20 a page unless first or last says otherwise; at most 100). */
  resources: ResourceConnection;
  /**
   * Searches services, organizations and guides in the reader's language and in English:
   * case- and accent-insensitive, with stemming where the language has it (see README). Best matches first.
   */
  search: Array<SearchResult>;
  /** A service by its slug; null when there is none or the caller may not see it (the public sees ACTIVE services only). */
  service?: Maybe<Service>;
  /**
   * Active services, in display order. Pages hold 20 services unless first or last says otherwise
   * (at most 100).
   */
  services: ServiceConnection;
  /** Every staff account by name, disabled ones too. Admins only (FORBIDDEN for other staff, UNAUTHENTICATED for everyone else). */
  staffMembers: Array<StaffMember>;
  /** Editors and admins: per locale, how many services, partners and guides have published text, and which do not. */
  translationCoverage: Array<LocaleCoverage>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryAvailableSlotsArgs = {
  from: Scalars['Time']['input'];
  serviceId: Scalars['ID']['input'];
  to: Scalars['Time']['input'];
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryCaseArgs = {
  caseNumber: Scalars['String']['input'];
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<CaseStatus>;
  urgent?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryCrisisContactsArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryDevelopmentOutboxArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryLocationsArgs = {
  adaAccessible?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  modifiedAfter?: InputMaybe<Scalars['Time']['input']>;
  near?: InputMaybe<NearInput>;
  neighborhood?: InputMaybe<Scalars['String']['input']>;
  openNow?: InputMaybe<Scalars['Boolean']['input']>;
  serviceCategory?: InputMaybe<ServiceCategory>;
  withinKm?: InputMaybe<Scalars['Float']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryMessageTemplatesArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryMyCaseArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryNotificationsArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<NotificationStatus>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryOrganizationArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  modifiedAfter?: InputMaybe<Scalars['Time']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryPartnersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  modifiedAfter?: InputMaybe<Scalars['Time']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryPerformanceReportArgs = {
  from?: InputMaybe<Scalars['Time']['input']>;
  to?: InputMaybe<Scalars['Time']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryRemovedSinceArgs = {
  modifiedAfter: Scalars['Time']['input'];
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryResourceArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryResourcesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  category?: InputMaybe<ResourceCategory>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  modifiedAfter?: InputMaybe<Scalars['Time']['input']>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
  types?: InputMaybe<Array<SearchResultType>>;
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryServiceArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
};


/**
 * Read access. Every field that returns human text answers in the locale negotiated from, in order,
 * the locale argument of the root field it sits under (for its whole subtree), the Accept-Language
 * header, and English. Unknown or unsupported tags fall back (es-MX → es → en, zh-TW → zh-Hant → en),
 * never fail. All time-dependent fields of one response use one instant.
 */
export type QueryServicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  category?: InputMaybe<ServiceCategory>;
  first?: InputMaybe<Scalars['Int']['input']>;
  language?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  modifiedAfter?: InputMaybe<Scalars['Time']['input']>;
  openNow?: InputMaybe<Scalars['Boolean']['input']>;
  servesPostalCode?: InputMaybe<Scalars['String']['input']>;
};

/** A referral as staff see it. */
export type Referral = {
  __typename?: 'Referral';
  /** When consent was given. */
  consentGivenAt?: Maybe<Scalars['Time']['output']>;
  /** How consent was given. */
  consentMethod?: Maybe<ConsentMethod>;
  /** When consent was withdrawn. */
  consentWithdrawnAt?: Maybe<Scalars['Time']['output']>;
  /** When it was proposed. */
  createdAt: Scalars['Time']['output'];
  /** Why the partner declined (readable by the person). */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Opaque identifier. */
  id: Scalars['ID']['output'];
  /** The partner organization. */
  partner: Organization;
  /** Why the advocate refers the case. */
  reason: Scalars['String']['output'];
  /** The partner's service, if one was chosen. */
  service?: Maybe<Service>;
  /** What the person agreed to share. */
  share: ReferralShare;
  /** What may go to the partner: nothing personal without consent. */
  sharedWithPartner: ReferralPacket;
  /** Where it stands. */
  status: ReferralStatus;
};

/** What goes to the partner: only what the person consented to share; null fields were not consented. */
export type ReferralPacket = {
  __typename?: 'ReferralPacket';
  /** Contact email (NAME_AND_CONTACT or CASE_SUMMARY). */
  email?: Maybe<Scalars['String']['output']>;
  /** Contact phone (NAME_AND_CONTACT or CASE_SUMMARY). */
  phone?: Maybe<Scalars['String']['output']>;
  /** The locale they prefer. */
  preferredLocale?: Maybe<Scalars['String']['output']>;
  /** How they want to be contacted, and when it is safe. */
  safeContact?: Maybe<Scalars['String']['output']>;
  /** What they told us (CASE_SUMMARY only). */
  summary?: Maybe<Scalars['String']['output']>;
};

/** What the person agreed to share with the partner. */
export type ReferralShare =
  /** Contact details and a summary of the case. */
  | 'CASE_SUMMARY'
  /** Their name and contact details. */
  | 'NAME_AND_CONTACT'
  /** Nothing about them: the partner gets no personal data. */
  | 'NOTHING';

/** Where a referral to a partner stands. */
export type ReferralStatus =
  /** The partner accepted it. */
  | 'ACCEPTED'
  /** The partner's help is finished. */
  | 'COMPLETED'
  /** The person consented. */
  | 'CONSENTED'
  /** The partner cannot take it. */
  | 'DECLINED'
  /** Suggested by the advocate; waiting for the person's consent. */
  | 'PROPOSED'
  /** Sent to the partner. */
  | 'SENT'
  /** Stopped: the person withdrew consent. */
  | 'WITHDRAWN';

/** Something an offline app holds and should now drop. */
export type RemovedItem = {
  __typename?: 'RemovedItem';
  /** ID of the item, as the app stored it. */
  id: Scalars['ID']['output'];
  /** What the item was. */
  kind: RemovedItemKind;
  /** When it was deleted or withdrawn from public view. */
  removedAt: Scalars['Time']['output'];
};

/** What a removed item was. */
export type RemovedItemKind =
  /** A location. */
  | 'LOCATION'
  /** An organization. */
  | 'ORGANIZATION'
  /** A guide. */
  | 'RESOURCE'
  /** A service. */
  | 'SERVICE';

/** A guide, served in the best published translation along the reader's locale chain. */
export type Resource = Node & {
  __typename?: 'Resource';
  /** Locales this resource has a published translation in. */
  availableLocales?: Maybe<Array<Scalars['String']['output']>>;
  /** Markdown (no raw HTML; links only https:, http:, mailto: and tel:). */
  body: Scalars['String']['output'];
  /** What the guide is about. */
  category: ResourceCategory;
  /** Display name of the category in the served locale. */
  categoryLabel: Scalars['String']['output'];
  /** Writing direction of the served text (RTL for Arabic and Urdu). */
  direction: TextDirection;
  /** Opaque, typed identifier. */
  id: Scalars['ID']['output'];
  /** True when the text was translated by machine and not yet reviewed (translationReview.status is MACHINE). */
  machineTranslated: Scalars['Boolean']['output'];
  /** Editors: saved versions of the text, newest first (optionally of one locale). Empty for everyone else. */
  revisions: Array<ResourceRevision>;
  /** Locale the text was served in; differs from the requested one when a translation is missing. */
  servedLocale: Scalars['String']['output'];
  /** Stable, locale-independent identifier for deep links. */
  slug: Scalars['String']['output'];
  /** One or two sentences in the served locale. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Title in the served locale. */
  title: Scalars['String']['output'];
  /** Review status of the served text: MACHINE, REVIEWED or APPROVED, and when. */
  translationReview: TranslationReview;
  /** Editors: every translation, drafts included (the public sees published ones only). */
  translations: Array<ResourceTranslation>;
  /** When the guide or its text in any locale last changed: an offline app passes the latest it holds as modifiedAfter. */
  updatedAt: Scalars['Time']['output'];
};


/** A guide, served in the best published translation along the reader's locale chain. */
export type ResourceRevisionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
};

/** What a guide is about. */
export type ResourceCategory =
  /** Victim compensation claims. */
  | 'COMPENSATION'
  /** What happens in court. */
  | 'COURT_PROCESS'
  /** Your rights as a victim. */
  | 'LEGAL_RIGHTS'
  /** Counseling and trauma support. */
  | 'MENTAL_HEALTH'
  /** Restitution ordered by a court. */
  | 'RESTITUTION'
  /** Staying safe. */
  | 'SAFETY_PLANNING';

/** A Relay connection of resources. */
export type ResourceConnection = {
  __typename?: 'ResourceConnection';
  /** The resources of this page. */
  edges?: Maybe<Array<ResourceEdge>>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many resources match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A page of resources. */
export type ResourceEdge = {
  __typename?: 'ResourceEdge';
  /** Position of this edge, for after/before. */
  cursor: Scalars['Cursor']['output'];
  /** The resource. */
  node?: Maybe<Resource>;
};

/** One saved version of a guide's text in one locale. */
export type ResourceRevision = {
  __typename?: 'ResourceRevision';
  /** Markdown body as saved. */
  body: Scalars['String']['output'];
  /** When it was saved. */
  editedAt: Scalars['Time']['output'];
  /** Work name of the staff member who saved it (null for the demo data). */
  editedBy?: Maybe<Scalars['String']['output']>;
  /** Locale code. */
  locale: Scalars['String']['output'];
  /** Whether it was marked as machine-translated. */
  machineTranslated: Scalars['Boolean']['output'];
  /** Status it was saved with. */
  status: TranslationStatus;
  /** Summary as saved. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Title as saved. */
  title: Scalars['String']['output'];
};

/** A guide's text in one locale, as editors manage it. */
export type ResourceTranslation = {
  __typename?: 'ResourceTranslation';
  /** Markdown body. */
  body: Scalars['String']['output'];
  /** Locale code. */
  locale: Scalars['String']['output'];
  /** True when a machine produced the text and no person has reviewed it (reviewStatus is MACHINE). */
  machineTranslated: Scalars['Boolean']['output'];
  /** MACHINE, REVIEWED or APPROVED. */
  reviewStatus: ReviewStatus;
  /** When it was reviewed or approved; null for MACHINE. */
  reviewedAt?: Maybe<Scalars['Time']['output']>;
  /** Name of who reviewed or approved it (a staff member's work name, or the translator named at import); null for MACHINE. */
  reviewedBy?: Maybe<Scalars['String']['output']>;
  /** DRAFT or PUBLISHED. */
  status: TranslationStatus;
  /** Summary. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Title. */
  title: Scalars['String']['output'];
  /** When the text last changed. */
  updatedAt: Scalars['Time']['output'];
};

/** Whether a person has checked a translation, so an app can say 'translated automatically'. */
export type ReviewStatus =
  /** A person with the authority to do so approved the text for victims. */
  | 'APPROVED'
  /** A machine's translation no person has checked (the demo data's translations are all MACHINE). */
  | 'MACHINE'
  /** A person wrote the text or checked it against the English (an editor through the API, a translator through the exchange). */
  | 'REVIEWED';

/** The person's contact preferences, shown to advocates prominently. */
export type SafeContact = {
  __typename?: 'SafeContact';
  /** Email address. */
  email?: Maybe<Scalars['String']['output']>;
  /** How they want to be contacted. */
  method: ContactMethod;
  /** Phone number (E.164). */
  phone?: Maybe<Phone>;
  /** The locale they prefer. */
  preferredLocale: Scalars['String']['output'];
  /** When it is safe to contact them, in their words. */
  safeContactTimes?: Maybe<Scalars['String']['output']>;
  /** False when a voicemail or message could put the person at risk. */
  safeToLeaveMessage: Scalars['Boolean']['output'];
};

/** A guide's text in one locale. */
export type SaveResourceTranslationInput = {
  /** Markdown; raw HTML, scripts and javascript: links are refused. */
  body: Scalars['String']['input'];
  /** Supported locale code. */
  locale: Scalars['String']['input'];
  /** True when a machine produced the text: it is saved as MACHINE; otherwise as REVIEWED by the saving editor. */
  machineTranslated?: InputMaybe<Scalars['Boolean']['input']>;
  /** True publishes at once; by default the text is saved as a DRAFT. */
  publish?: InputMaybe<Scalars['Boolean']['input']>;
  /** ID of the guide. */
  resourceId: Scalars['ID']['input'];
  /** One or two sentences. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Title. */
  title: Scalars['String']['input'];
};

/** The text of a service, organization or location in one locale. */
export type SaveTranslationInput = {
  /** Description (services, organizations) or accessibility notes (locations). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Supported locale code, e.g. es. */
  locale: Scalars['String']['input'];
  /** True when a machine produced the text: it is saved as MACHINE; otherwise as REVIEWED by the saving editor. */
  machineTranslated?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name. */
  name: Scalars['String']['input'];
  /** ID of the service, organization or location. */
  ownerId: Scalars['ID']['input'];
  /** True publishes the text at once; by default it is saved as a DRAFT (and replaces published text only once published). */
  publish?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A search hit: a service, an organization or a guide. */
export type SearchResult = Organization | Resource | Service;

/** A kind of search result. */
export type SearchResultType =
  /** Organizations (the department and partners). */
  | 'ORGANIZATION'
  /** Guides (resources). */
  | 'RESOURCE'
  /** Services. */
  | 'SERVICE';

/** A service the unit or a partner offers. */
export type Service = Node & {
  __typename?: 'Service';
  /** When a by-appointment service can be booked; null when it takes no appointments here. */
  appointmentAvailability?: Maybe<AppointmentAvailability>;
  /** What kind of help it gives. */
  category: ServiceCategory;
  /** Display name of the category in the served locale. */
  categoryLabel: Scalars['String']['output'];
  /** When open: when it next closes (null when always open). */
  closesAt?: Maybe<Scalars['Time']['output']>;
  /** What the service does and for whom, in the served locale. */
  description?: Maybe<Scalars['String']['output']>;
  /** Contact email address. */
  email?: Maybe<Scalars['String']['output']>;
  /** Opening hours. */
  hours: OpeningHours;
  /** Opaque, typed identifier. */
  id: Scalars['ID']['output'];
  /** BCP 47 tags of the languages the service is delivered in. */
  languages?: Maybe<Array<Scalars['String']['output']>>;
  /** Where the service is delivered in person. */
  locations?: Maybe<Array<Location>>;
  /** True when the text fields were translated by machine and not yet reviewed (translationReview.status is MACHINE). */
  machineTranslated: Scalars['Boolean']['output'];
  /** Name in the served locale. */
  name: Scalars['String']['output'];
  /** True for a national line (the 988 Suicide & Crisis Lifeline, the National Domestic Violence Hotline) rather than one of the city's own services. */
  national: Scalars['Boolean']['output'];
  /** Whether the service is open at the time of the request, in its own time zone. */
  openNow: Scalars['Boolean']['output'];
  /** When closed: when it next opens (null when always open or by appointment only). */
  opensAt?: Maybe<Scalars['Time']['output']>;
  /** Phone numbers, for one-tap calling. */
  phones?: Maybe<Array<Phone>>;
  /** The organization that provides the service. */
  provider?: Maybe<Organization>;
  /** Locale the text fields were served in; differs from the requested one when a translation is missing. */
  servedLocale: Scalars['String']['output'];
  /** The neighbourhoods, then the ZIP codes, the service serves (HSDS service_area); empty when it is not limited to listed areas (the emergency line, national lines). */
  serviceAreas: Array<ServiceArea>;
  /** Stable, locale-independent name for deep links (service(slug:)), e.g. victim-advocacy; null until the English name is saved. */
  slug?: Maybe<Scalars['String']['output']>;
  /** ACTIVE or INACTIVE; the public only sees ACTIVE services. */
  status: ServiceStatus;
  /** Review status of the served text fields: MACHINE, REVIEWED or APPROVED, and when. */
  translationReview: TranslationReview;
  /** Every translation of the text fields, drafts included for editors (the public sees published ones only). */
  translations: Array<Translation>;
  /** When the item or its text in any locale last changed: an offline app passes the latest it holds as modifiedAfter. */
  updatedAt: Scalars['Time']['output'];
};


/** A service the unit or a partner offers. */
export type ServiceLocationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One area a service serves (HSDS service_area). */
export type ServiceArea = {
  __typename?: 'ServiceArea';
  /** A ZIP code or a neighbourhood. */
  kind: ServiceAreaKind;
  /** The ZIP code (60608) or the neighbourhood's name (Pilsen). */
  name: Scalars['String']['output'];
};

/** One area a service serves. */
export type ServiceAreaInput = {
  /** A ZIP code or a neighbourhood. */
  kind: ServiceAreaKind;
  /** A five-digit ZIP code (ZIP+4 is cut to five digits) or a neighbourhood's name (at most 100 characters). */
  name: Scalars['String']['input'];
};

/** What a service area is. */
export type ServiceAreaKind =
  /** A neighbourhood or community area, e.g. Pilsen. */
  | 'NEIGHBORHOOD'
  /** A five-digit US ZIP code, e.g. 60608. */
  | 'POSTAL_CODE';

/** Kinds of help a service gives. */
export type ServiceCategory =
  /** Help claiming victim compensation. */
  | 'COMPENSATION'
  /** Counseling and psychological support, or referrals to it. */
  | 'COUNSELING'
  /** Emergency lines such as 911. */
  | 'EMERGENCY'
  /** Legal help, court support and representation. */
  | 'LEGAL_SUPPORT'
  /** Safe temporary housing. */
  | 'SHELTER'
  /** A victim advocate supports the person through the process. */
  | 'VICTIM_ADVOCACY';

/** A Relay connection of services. */
export type ServiceConnection = {
  __typename?: 'ServiceConnection';
  /** The services of this page. */
  edges?: Maybe<Array<ServiceEdge>>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many services match the filters, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A page of services. */
export type ServiceEdge = {
  __typename?: 'ServiceEdge';
  /** Position of this edge, for after/before. */
  cursor: Scalars['Cursor']['output'];
  /** The service. */
  node?: Maybe<Service>;
};

/** Whether a service is offered at the moment. The public only sees ACTIVE services. */
export type ServiceStatus =
  /** Offered; visible to everyone. */
  | 'ACTIVE'
  /** Not offered; visible to editors only. */
  | 'INACTIVE';

/** A staff member. */
export type StaffMember = {
  __typename?: 'StaffMember';
  /** True when an admin disabled the account: none of its tokens is accepted. */
  disabled: Scalars['Boolean']['output'];
  /** Work email. */
  email?: Maybe<Scalars['String']['output']>;
  /** Opaque identifier. */
  id: Scalars['ID']['output'];
  /** Work name. */
  name: Scalars['String']['output'];
  /** Work phone. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Role. */
  role: StaffRole;
};

/** Staff roles. */
export type StaffRole =
  /** Edits the directory, the content and staff accounts; no case data. */
  | 'ADMIN'
  /** Works the cases assigned to them. */
  | 'ADVOCATE'
  /** Edits the directory and the content. */
  | 'EDITOR'
  /** Sees every case and the KPIs. */
  | 'SUPERVISOR';

/** Live updates over websockets (graphql-transport-ws or the legacy graphql-ws protocol). */
export type Subscription = {
  __typename?: 'Subscription';
  /** Staff: pushes the case (as its advocate or a supervisor sees it) whenever it changes, messages included. */
  caseUpdated: Case;
  /** Pushes the victim's case whenever it changes; authenticate in connection_init. Ends when the session is revoked or expires. */
  myCaseUpdated: VictimCase;
};


/** Live updates over websockets (graphql-transport-ws or the legacy graphql-ws protocol). */
export type SubscriptionCaseUpdatedArgs = {
  caseId: Scalars['ID']['input'];
};


/** Live updates over websockets (graphql-transport-ws or the legacy graphql-ws protocol). */
export type SubscriptionMyCaseUpdatedArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};

/** A request for help. */
export type SupportRequestInput = {
  /** How they want to be contacted. */
  contactMethod: ContactMethod;
  /** When outside messages may arrive (weekly); none means any time. */
  contactWindows?: InputMaybe<Array<OpeningPeriodInput>>;
  /** What happened or what they need, in their words (at most 4000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Email address (required for EMAIL). */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Whether the person is in immediate danger. True marks the case urgent and answers with emergency contacts. */
  immediateDanger?: InputMaybe<Scalars['Boolean']['input']>;
  /** What kind of help they need. */
  needs?: InputMaybe<Array<ServiceCategory>>;
  /** Where notifications outside the app go; default: SMS or EMAIL when that is the contact method, else IN_APP. */
  notificationChannel?: InputMaybe<NotificationChannel>;
  /** Phone number, any common format (required for PHONE and SMS). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Locale the person wants to be contacted and served in. */
  preferredLocale: Scalars['String']['input'];
  /** When it is safe to contact them, in their words (at most 500 characters). */
  safeContactTimes?: InputMaybe<Scalars['String']['input']>;
  /** Whether the person is safe right now. False marks the case urgent and answers with emergency contacts. */
  safeNow?: InputMaybe<Scalars['Boolean']['input']>;
  /** False when a voicemail or message could put the person at risk. */
  safeToLeaveMessage: Scalars['Boolean']['input'];
  /** IANA zone of the contact windows; default the unit's. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** What the person needs to see their case: shown once, never again. */
export type SupportRequestPayload = {
  __typename?: 'SupportRequestPayload';
  /** Shown once: the victim needs it with the case number to see their case. */
  accessCode: Scalars['String']['output'];
  /** The case number. */
  caseNumber: Scalars['String']['output'];
  /** When urgent: the crisis lines (crisisContacts: 911 and the 24/7 advocacy line first, then the national lines) in the person's preferred locale, to show before anything else. Empty otherwise. */
  emergencyContacts: Array<EmergencyContact>;
  /** When urgent: a heading to show before anything else, in the person's preferred locale. */
  emergencyMessage?: Maybe<Scalars['String']['output']>;
  /** True when the person said they are not safe now or in immediate danger. */
  urgent: Scalars['Boolean']['output'];
};

/** Writing direction of a script. */
export type TextDirection =
  /** Left to right (English, Spanish, Chinese, …). */
  | 'LTR'
  /** Right to left (Arabic, Urdu). */
  | 'RTL';

/** The text of a service, organization or location in one locale, as editors manage it. */
export type Translation = {
  __typename?: 'Translation';
  /** Description (services, organizations) or accessibility notes (locations). */
  description?: Maybe<Scalars['String']['output']>;
  /** Locale code, e.g. es. */
  locale: Scalars['String']['output'];
  /** True when a machine produced the text and no person has reviewed it (reviewStatus is MACHINE). */
  machineTranslated: Scalars['Boolean']['output'];
  /** Name. */
  name: Scalars['String']['output'];
  /** MACHINE, REVIEWED or APPROVED. */
  reviewStatus: ReviewStatus;
  /** When it was reviewed or approved; null for MACHINE. */
  reviewedAt?: Maybe<Scalars['Time']['output']>;
  /** Name of who reviewed or approved it (a staff member's work name, or the translator named at import); null for MACHINE. */
  reviewedBy?: Maybe<Scalars['String']['output']>;
  /** DRAFT or PUBLISHED. */
  status: TranslationStatus;
  /** When the text last changed. */
  updatedAt: Scalars['Time']['output'];
};

/** The review of the text an object was served in. */
export type TranslationReview = {
  __typename?: 'TranslationReview';
  /** When a person reviewed or approved it; null for MACHINE and for text reviewed before dates were recorded. */
  reviewedAt?: Maybe<Scalars['Time']['output']>;
  /** MACHINE, REVIEWED or APPROVED: the review status of the served text (the servedLocale's). */
  status: ReviewStatus;
};

/** Publication state of a translation. The public only ever sees PUBLISHED text. */
export type TranslationStatus =
  /** Work in progress; visible to editors only. */
  | 'DRAFT'
  /** Served to the public. */
  | 'PUBLISHED';

/** Fields an editor may change on a location; omitted fields stay as they are. */
export type UpdateLocationInput = {
  /** Meets ADA accessibility standards. */
  adaAccessible?: InputMaybe<Scalars['Boolean']['input']>;
  /** City. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the opening hours of the place. */
  hours?: InputMaybe<OpeningHoursInput>;
  /** Latitude in degrees. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Longitude in degrees. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Neighbourhood or community area. */
  neighborhood?: InputMaybe<Scalars['String']['input']>;
  /** ZIP code. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** Postal address. */
  street?: InputMaybe<Scalars['String']['input']>;
};

/** Fields an editor may change on an organization; omitted fields stay as they are, an empty string clears a text field. */
export type UpdateOrganizationInput = {
  /** Public contact email. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Department or partner. */
  kind?: InputMaybe<OrganizationKind>;
  /** Replaces all phone numbers. */
  phones?: InputMaybe<Array<PhoneInput>>;
  /** Changes the slug (old links stop working). */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Position in lists; lower first. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** Public website. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Fields an editor may change on a guide; omitted fields stay as they are. */
export type UpdateResourceInput = {
  /** What the guide is about. */
  category?: InputMaybe<ResourceCategory>;
  /** Position in lists; lower first. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

/** Fields an editor may change on a service; omitted fields stay as they are, an empty string clears a text field. */
export type UpdateServiceInput = {
  /** What kind of help it gives. */
  category?: InputMaybe<ServiceCategory>;
  /** Contact email; an empty string removes it. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the opening hours. */
  hours?: InputMaybe<OpeningHoursInput>;
  /** Replaces the languages it is delivered in. */
  languages?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Replaces the locations it is delivered at. */
  locationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Marks (true) or unmarks a national line such as 988. */
  national?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces all phone numbers. */
  phones?: InputMaybe<Array<PhoneInput>>;
  /** ID of the providing organization. */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  /** Replaces the ZIP codes and neighbourhoods it serves (at most 200); an empty list removes them. */
  serviceAreas?: InputMaybe<Array<ServiceAreaInput>>;
  /** Changes the slug (old links stop working). */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Position in lists; lower first. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** ACTIVE or INACTIVE. */
  status?: InputMaybe<ServiceStatus>;
};

/** A victim's own view of their case: nothing staff-only is reachable from here. */
export type VictimCase = {
  __typename?: 'VictimCase';
  /** The dedicated advocate, once assigned. */
  advocate?: Maybe<Advocate>;
  /** The person's appointments, soonest first (cancelled ones too). */
  appointments: Array<Appointment>;
  /** The case number. */
  caseNumber: Scalars['String']['output'];
  /** The compensation claim, once filed. */
  compensationClaim?: Maybe<CompensationClaim>;
  /** Court dates, soonest first. */
  courtDates?: Maybe<Array<CourtDate>>;
  /** The timeline, oldest first (victim-visible entries only). */
  events?: Maybe<Array<CaseEvent>>;
  /** The feedback the person gave, if any. */
  feedback?: Maybe<Feedback>;
  /** Messages with the advocate, newest last: the last `last` (default 20) before the cursor. */
  messages: CaseMessageConnection;
  /** When the advocate will next check in. */
  nextFollowUp?: Maybe<Scalars['Time']['output']>;
  /** How and when outside messages reach the person. */
  notificationPreferences: NotificationPreferences;
  /** When the request arrived. */
  openedAt: Scalars['Time']['output'];
  /** Referrals to partner organizations, newest first. */
  referrals: Array<VictimReferral>;
  /** Where the case stands. */
  status: CaseStatus;
  /** Localized status label. */
  statusLabel: Scalars['String']['output'];
  /** Messages from the advocate not read yet. */
  unreadMessageCount: Scalars['Int']['output'];
};


/** A victim's own view of their case: nothing staff-only is reachable from here. */
export type VictimCaseMessagesArgs = {
  before?: InputMaybe<Scalars['Cursor']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A referral as the person sees it. */
export type VictimReferral = {
  __typename?: 'VictimReferral';
  /** Why the partner cannot take it, when declined: free text as the advocate recorded it, not translated. */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Label for declineReason in the served locale (e.g. 'The partner's reason, in their own words'); null unless a reason was given. */
  declineReasonLabel?: Maybe<Scalars['String']['output']>;
  /** Opaque identifier, for giving or withdrawing consent. */
  id: Scalars['ID']['output'];
  /** The partner organization (name in the served locale, with its email and phones). */
  partner: Organization;
  /** The partner's service. */
  service?: Maybe<Service>;
  /** What they agreed to share. */
  share: ReferralShare;
  /** Localized description of what they agreed to share. */
  shareLabel: Scalars['String']['output'];
  /** Where it stands. */
  status: ReferralStatus;
  /** Localized status. */
  statusLabel: Scalars['String']['output'];
};

export type AppointmentSlotsQueryVariables = Exact<{
  serviceId: Scalars['ID']['input'];
  from: Scalars['Time']['input'];
  to: Scalars['Time']['input'];
}>;


export type AppointmentSlotsQuery = { __typename?: 'Query', availableSlots: Array<{ __typename?: 'AppointmentSlot', startsAt: string, endsAt: string }> };

export type RequestAppointmentMutationVariables = Exact<{
  serviceId: Scalars['ID']['input'];
  startsAt: Scalars['Time']['input'];
}>;


export type RequestAppointmentMutation = { __typename?: 'Mutation', requestAppointment: { __typename?: 'Appointment', id: string, status: AppointmentStatus, statusLabel: string, startsAt: string, endsAt: string, icsUrl: string, service?: { __typename?: 'Service', name: string } | null } };

export type CancelMyAppointmentMutationVariables = Exact<{
  appointmentId: Scalars['ID']['input'];
}>;


export type CancelMyAppointmentMutation = { __typename?: 'Mutation', cancelMyAppointment: { __typename?: 'Appointment', id: string, status: AppointmentStatus, statusLabel: string } };

export type DirectoryQueryVariables = Exact<{
  locale?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
}>;


export type DirectoryQuery = { __typename?: 'Query', services: { __typename?: 'ServiceConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges?: Array<{ __typename?: 'ServiceEdge', node?: { __typename?: 'Service', id: string, slug?: string | null, name: string, categoryLabel: string, openNow: boolean, opensAt?: string | null, closesAt?: string | null, phones?: Array<{ __typename?: 'Phone', display: string, telUri: string, kind: PhoneKind }> | null } | null }> | null } };

export type SubmitFeedbackMutationVariables = Exact<{
  input: FeedbackInput;
}>;


export type SubmitFeedbackMutation = { __typename?: 'Mutation', submitFeedback: { __typename?: 'Feedback', rating: number, submittedAt: string } };

export type GuidesQueryVariables = Exact<{
  locale?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
}>;


export type GuidesQuery = { __typename?: 'Query', resources: { __typename?: 'ResourceConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges?: Array<{ __typename?: 'ResourceEdge', node?: { __typename?: 'Resource', slug: string, title: string, summary?: string | null, categoryLabel: string, servedLocale: string } | null }> | null } };

export type GuideQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
}>;


export type GuideQuery = { __typename?: 'Query', resource?: { __typename?: 'Resource', slug: string, title: string, body: string, direction: TextDirection, servedLocale: string, machineTranslated: boolean, availableLocales?: Array<string> | null, updatedAt: string } | null };

export type HomeQueryVariables = Exact<{
  locale?: InputMaybe<Scalars['String']['input']>;
}>;


export type HomeQuery = { __typename?: 'Query', crisisContacts: Array<{ __typename?: 'EmergencyContact', name: string, description?: string | null, servedLocale: string, phones: Array<{ __typename?: 'Phone', display: string, telUri: string, smsUri?: string | null, smsBody?: string | null, kind: PhoneKind }> }>, services: { __typename?: 'ServiceConnection', totalCount: number, edges?: Array<{ __typename?: 'ServiceEdge', node?: { __typename?: 'Service', id: string, slug?: string | null, name: string, categoryLabel: string, openNow: boolean, closesAt?: string | null, phones?: Array<{ __typename?: 'Phone', display: string, telUri: string, kind: PhoneKind }> | null } | null }> | null } };

export type LocalesQueryVariables = Exact<{ [key: string]: never; }>;


export type LocalesQuery = { __typename?: 'Query', locales: Array<{ __typename?: 'Locale', code: string, nativeName: string, direction: TextDirection }> };

export type RequestSupportMutationVariables = Exact<{
  input: SupportRequestInput;
}>;


export type RequestSupportMutation = { __typename?: 'Mutation', requestSupport: { __typename?: 'SupportRequestPayload', caseNumber: string, accessCode: string, urgent: boolean, emergencyMessage?: string | null, emergencyContacts: Array<{ __typename?: 'EmergencyContact', name: string, phones: Array<{ __typename?: 'Phone', display: string, telUri: string, smsUri?: string | null }> }> } };

export type MyCaseQueryVariables = Exact<{
  locale?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyCaseQuery = { __typename?: 'Query', myCase?: { __typename?: 'VictimCase', caseNumber: string, status: CaseStatus, statusLabel: string, openedAt: string, nextFollowUp?: string | null, unreadMessageCount: number, advocate?: { __typename?: 'Advocate', displayName: string, email?: string | null, phone?: { __typename?: 'Phone', display: string, telUri: string } | null } | null, events?: Array<{ __typename?: 'CaseEvent', at: string, title: string, detail?: string | null }> | null, courtDates?: Array<{ __typename?: 'CourtDate', id: string, at: string, courtName: string, hearing: HearingType, description: string, icsUrl: string, address?: { __typename?: 'Address', street: string, city: string, state: string, postalCode: string } | null }> | null, appointments: Array<{ __typename?: 'Appointment', id: string, status: AppointmentStatus, statusLabel: string, startsAt: string, endsAt: string, note?: string | null, icsUrl: string, service?: { __typename?: 'Service', name: string } | null }>, compensationClaim?: { __typename?: 'CompensationClaim', status: ClaimStatus, statusLabel: string, updatedAt: string } | null, referrals: Array<{ __typename?: 'VictimReferral', id: string, status: ReferralStatus, statusLabel: string, share: ReferralShare, shareLabel: string, declineReason?: string | null, declineReasonLabel?: string | null, partner: { __typename?: 'Organization', name: string } }>, messages: { __typename?: 'CaseMessageConnection', edges: Array<{ __typename?: 'CaseMessageEdge', node: { __typename?: 'CaseMessage', id: string, direction: MessageDirection, body: string, sentAt: string, readAt?: string | null } }> }, feedback?: { __typename?: 'Feedback', rating: number, submittedAt: string } | null } | null };

export type SendMessageMutationVariables = Exact<{
  body: Scalars['String']['input'];
}>;


export type SendMessageMutation = { __typename?: 'Mutation', sendCaseMessage: { __typename?: 'CaseMessage', id: string, sentAt: string } };

export type GiveConsentMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  share: ReferralShare;
}>;


export type GiveConsentMutation = { __typename?: 'Mutation', giveReferralConsent: { __typename?: 'VictimReferral', id: string, status: ReferralStatus, shareLabel: string } };

export type SearchQueryVariables = Exact<{
  text: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchQuery = { __typename?: 'Query', search: Array<{ __typename: 'Organization', id: string, slug?: string | null, name: string } | { __typename: 'Resource', title: string, summary?: string | null, guideSlug: string } | { __typename: 'Service', id: string, slug?: string | null, name: string, categoryLabel: string }> };

export type ServiceDetailQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
}>;


export type ServiceDetailQuery = { __typename?: 'Query', service?: { __typename?: 'Service', id: string, name: string, description?: string | null, categoryLabel: string, servedLocale: string, machineTranslated: boolean, openNow: boolean, opensAt?: string | null, closesAt?: string | null, email?: string | null, languages?: Array<string> | null, hours: { __typename?: 'OpeningHours', summary: string, byAppointment: boolean, alwaysOpen: boolean, timeZone: string }, appointmentAvailability?: { __typename?: 'AppointmentAvailability', timeZone: string, slotMinutes: number } | null, phones?: Array<{ __typename?: 'Phone', display: string, telUri: string, smsUri?: string | null, kind: PhoneKind }> | null, provider?: { __typename?: 'Organization', name: string, website?: string | null } | null, locations?: Array<{ __typename?: 'Location', name: string, neighborhood?: string | null, adaAccessible: boolean, accessibilityNotes?: string | null, address?: { __typename?: 'Address', street: string, city: string, state: string, postalCode: string } | null }> | null } | null };

export type SignInMutationVariables = Exact<{
  caseNumber: Scalars['String']['input'];
  accessCode: Scalars['String']['input'];
}>;


export type SignInMutation = { __typename?: 'Mutation', openCaseSession: { __typename?: 'CaseSession', token: string, expiresAt: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename?: 'Mutation', endCaseSession: boolean };


export const AppointmentSlotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppointmentSlots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Time"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Time"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableSlots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]} as unknown as DocumentNode<AppointmentSlotsQuery, AppointmentSlotsQueryVariables>;
export const RequestAppointmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAppointment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startsAt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Time"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"startsAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startsAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"icsUrl"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RequestAppointmentMutation, RequestAppointmentMutationVariables>;
export const CancelMyAppointmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelMyAppointment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appointmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelMyAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appointmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appointmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}}]}}]} as unknown as DocumentNode<CancelMyAppointmentMutation, CancelMyAppointmentMutationVariables>;
export const DirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Directory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"phones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"telUri"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DirectoryQuery, DirectoryQueryVariables>;
export const SubmitFeedbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitFeedback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FeedbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitFeedback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<SubmitFeedbackMutation, SubmitFeedbackMutationVariables>;
export const GuidesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Guides"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"servedLocale"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GuidesQuery, GuidesQueryVariables>;
export const GuideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Guide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"servedLocale"}},{"kind":"Field","name":{"kind":"Name","value":"machineTranslated"}},{"kind":"Field","name":{"kind":"Name","value":"availableLocales"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<GuideQuery, GuideQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crisisContacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"servedLocale"}},{"kind":"Field","name":{"kind":"Name","value":"phones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"telUri"}},{"kind":"Field","name":{"kind":"Name","value":"smsUri"}},{"kind":"Field","name":{"kind":"Name","value":"smsBody"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"openNow"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"phones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"telUri"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const LocalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Locales"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locales"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nativeName"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]} as unknown as DocumentNode<LocalesQuery, LocalesQueryVariables>;
export const RequestSupportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestSupport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SupportRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestSupport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"accessCode"}},{"kind":"Field","name":{"kind":"Name","value":"urgent"}},{"kind":"Field","name":{"kind":"Name","value":"emergencyMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emergencyContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"telUri"}},{"kind":"Field","name":{"kind":"Name","value":"smsUri"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestSupportMutation, RequestSupportMutationVariables>;
export const MyCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"advocate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"telUri"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextFollowUp"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"courtDates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hearing"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"icsUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"icsUrl"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"compensationClaim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"shareLabel"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"declineReasonLabel"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadMessageCount"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MyCaseQuery, MyCaseQueryVariables>;
export const SendMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendCaseMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]} as unknown as DocumentNode<SendMessageMutation, SendMessageMutationVariables>;
export const GiveConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GiveConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"referralId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"share"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralShare"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giveReferralConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"referralId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"referralId"}}},{"kind":"Argument","name":{"kind":"Name","value":"share"},"value":{"kind":"Variable","name":{"kind":"Name","value":"share"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shareLabel"}}]}}]}}]} as unknown as DocumentNode<GiveConsentMutation, GiveConsentMutationVariables>;
export const SearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"guideSlug"},"name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const ServiceDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"servedLocale"}},{"kind":"Field","name":{"kind":"Name","value":"machineTranslated"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"hours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"byAppointment"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointmentAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"slotMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"telUri"}},{"kind":"Field","name":{"kind":"Name","value":"smsUri"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"website"}}]}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"neighborhood"}},{"kind":"Field","name":{"kind":"Name","value":"adaAccessible"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNotes"}}]}}]}}]}}]} as unknown as DocumentNode<ServiceDetailQuery, ServiceDetailQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accessCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openCaseSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"accessCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accessCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCaseSession"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;