using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tillit.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => new { x.Sequence, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorTokenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Data = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CrisisRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deputy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reach = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrisisRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentSequences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSequences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LongTermGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LongTermGoals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ClassificationValidityMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseIntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Requirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Aspect = table.Column<int>(type: "INTEGER", nullable: false),
                    FromLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    IsoControls = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nis2Areas = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requirements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LowMax = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumMax = table.Column<int>(type: "INTEGER", nullable: false),
                    HighMax = table.Column<int>(type: "INTEGER", nullable: false),
                    SystemOwnerMaxBand = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAgeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Threats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Aspects = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Threats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCourses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AudienceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCourses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", maxLength: 64000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Units_Units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CourseAudiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseAudiences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseAudiences_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CourseAudiences_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwningUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonalData = table.Column<int>(type: "INTEGER", nullable: false),
                    SecrecyReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectiveSecurity = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationSets_Units_OwningUnitId",
                        column: x => x.OwningUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportantToOperations = table.Column<bool>(type: "INTEGER", nullable: false),
                    Hosting = table.Column<int>(type: "INTEGER", nullable: false),
                    Lifecycle = table.Column<int>(type: "INTEGER", nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NeedConfidentiality = table.Column<int>(type: "INTEGER", nullable: true),
                    NeedIntegrity = table.Column<int>(type: "INTEGER", nullable: true),
                    NeedAvailability = table.Column<int>(type: "INTEGER", nullable: true),
                    NeedTraceability = table.Column<int>(type: "INTEGER", nullable: true),
                    NeedHighest = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationSystems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchFamilyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivesDigest = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestHour = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_People_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationSetSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationSetSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationSetSystems_InformationSets_SetId",
                        column: x => x.SetId,
                        principalTable: "InformationSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InformationSetSystems_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SystemDependencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DependsOnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemDependencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SystemDependencies_InformationSystems_DependsOnId",
                        column: x => x.DependsOnId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SystemDependencies_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SecurityRequirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IncludesDataProcessing = table.Column<bool>(type: "INTEGER", nullable: false),
                    TransferOutsideEea = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferBasis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResponsibleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NoticeReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_People_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentDelegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentDelegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentDelegations_People_DelegatedById",
                        column: x => x.DelegatedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppointmentDelegations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Classifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Confidentiality = table.Column<int>(type: "INTEGER", nullable: false),
                    Integrity = table.Column<int>(type: "INTEGER", nullable: false),
                    Availability = table.Column<int>(type: "INTEGER", nullable: false),
                    Traceability = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfidentialityMotivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IntegrityMotivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AvailabilityMotivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TraceabilityMotivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Classifications_InformationSets_SetId",
                        column: x => x.SetId,
                        principalTable: "InformationSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Classifications_People_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaxDowntimeHours = table.Column<int>(type: "INTEGER", nullable: false),
                    RecoveryTimeHours = table.Column<int>(type: "INTEGER", nullable: false),
                    RecoveryPointHours = table.Column<int>(type: "INTEGER", nullable: false),
                    FallbackRoutines = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Contacts = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Dependencies = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResponsibleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NextReview = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuityPlans_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContinuityPlans_People_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionDelegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Authority = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionDelegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionDelegations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionDelegations_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DigestClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestClaims_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewIntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReview = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Documents_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_People_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Exercises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeaderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exercises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Exercises_People_LeaderId",
                        column: x => x.LeaderId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AwareUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonalDataMaybe = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: true),
                    Severity = table.Column<int>(type: "INTEGER", nullable: true),
                    Aspects = table.Column<int>(type: "INTEGER", nullable: false),
                    HandlerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MeasuresDecision = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasuresText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DismissReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsPersonalDataBreach = table.Column<bool>(type: "INTEGER", nullable: false),
                    BreachDataCategories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BreachSubjectCategories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BreachAffectedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    BreachConsequences = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BreachMeasures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BreachSubjectsInformed = table.Column<bool>(type: "INTEGER", nullable: true),
                    IsSignificant = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImySentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ImySentById = table.Column<Guid>(type: "TEXT", nullable: true),
                    EarlyWarningSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EarlyWarningSentById = table.Column<Guid>(type: "TEXT", nullable: true),
                    NotificationSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotificationSentById = table.Column<Guid>(type: "TEXT", nullable: true),
                    FinalReportSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinalReportSentById = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_People_HandlerId",
                        column: x => x.HandlerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_People_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalRequirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Demands = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DemandsEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResponsibleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NextReview = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Compliance = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplianceComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalRequirements_People_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VerifiedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_People_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_People_VerifiedById",
                        column: x => x.VerifiedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequirementAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    How = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AssessedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequirementAssessments_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequirementAssessments_People_AssessedById",
                        column: x => x.AssessedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RequirementAssessments_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    MethodNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnalysedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewMarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PreviousAnalysisId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAnalyses_People_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAnalyses_RiskAnalyses_PreviousAnalysisId",
                        column: x => x.PreviousAnalysisId,
                        principalTable: "RiskAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppointedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_People_AppointedById",
                        column: x => x.AppointedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCompletions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCompletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingCompletions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingCompletions_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YearlyGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LongTermGoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearlyGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearlyGoals_LongTermGoals_LongTermGoalId",
                        column: x => x.LongTermGoalId,
                        principalTable: "LongTermGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_YearlyGoals_People_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "YearlyReportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Proposals = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearlyReportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearlyReportJobs_People_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "YearlyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Proposals = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    GeneratedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    GeneratedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NotedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotedReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NotedRecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    LatestNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    NotedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearlyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearlyReports_People_GeneratedById",
                        column: x => x.GeneratedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_YearlyReports_People_NotedRecordedById",
                        column: x => x.NotedRecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSystems_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementSystems_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deviations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CompensatingMeasures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssessedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Recommended = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deviations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deviations_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deviations_People_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deviations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 500000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionParagraph = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RegistryNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsMajorChange = table.Column<bool>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentVersions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questionnaires_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Questionnaires_People_SentById",
                        column: x => x.SentById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExerciseSystems_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExerciseSystems_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentEntries_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentEntries_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandlerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentReminders_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentSets_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentSets_InformationSets_SetId",
                        column: x => x.SetId,
                        principalTable: "InformationSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentSystems_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentSystems_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalRequirementSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LegalRequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalRequirementSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalRequirementSystems_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LegalRequirementSystems_LegalRequirements_LegalRequirementId",
                        column: x => x.LegalRequirementId,
                        principalTable: "LegalRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalRequirementUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LegalRequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalRequirementUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalRequirementUnits_LegalRequirements_LegalRequirementId",
                        column: x => x.LegalRequirementId,
                        principalTable: "LegalRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LegalRequirementUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseLessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseLessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExerciseLessons_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExerciseLessons_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RiskAnalysisSystems",
                columns: table => new
                {
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAnalysisSystems", x => new { x.AnalysisId, x.SystemId });
                    table.ForeignKey(
                        name: "FK_RiskAnalysisSystems_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAnalysisSystems_RiskAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "RiskAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Risks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreatId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Effect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Aspects = table.Column<int>(type: "INTEGER", nullable: false),
                    Likelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    Consequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Treatment = table.Column<int>(type: "INTEGER", nullable: true),
                    TreatmentNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualConsequence = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptanceReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AcceptedAs = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Risks_People_AcceptedById",
                        column: x => x.AcceptedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Risks_People_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Risks_RiskAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "RiskAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Risks_Threats_ThreatId",
                        column: x => x.ThreatId,
                        principalTable: "Threats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "YearlyReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Proposals = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Figures = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    GeneratedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    GeneratedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearlyReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearlyReportVersions_People_GeneratedById",
                        column: x => x.GeneratedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_YearlyReportVersions_YearlyReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "YearlyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AcknowledgementCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    AudienceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcknowledgementCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcknowledgementCampaigns_DocumentVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DocumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AcknowledgementCampaigns_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AcknowledgementCampaigns_People_StartedById",
                        column: x => x.StartedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Acknowledgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Acknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Acknowledgements_DocumentVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DocumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Acknowledgements_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RespondentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReminderSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_InformationSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "InformationSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_People_RespondentId",
                        column: x => x.RespondentId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignAudiences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAudiences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignAudiences_AcknowledgementCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AcknowledgementCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignAudiences_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignReminders_AcknowledgementCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AcknowledgementCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignReminders_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireAnswers_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionnaireAnswers_QuestionnaireResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "QuestionnaireResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuestionnaireAnswers_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcknowledgementCampaigns_DocumentId",
                table: "AcknowledgementCampaigns",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AcknowledgementCampaigns_OrganisationId",
                table: "AcknowledgementCampaigns",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AcknowledgementCampaigns_OrganisationId_ClosedOn_DueDate",
                table: "AcknowledgementCampaigns",
                columns: new[] { "OrganisationId", "ClosedOn", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_AcknowledgementCampaigns_OrganisationId_DocumentId",
                table: "AcknowledgementCampaigns",
                columns: new[] { "OrganisationId", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_AcknowledgementCampaigns_StartedById",
                table: "AcknowledgementCampaigns",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "IX_AcknowledgementCampaigns_VersionId",
                table: "AcknowledgementCampaigns",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_OrganisationId",
                table: "Acknowledgements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_OrganisationId_DocumentId_PersonId_VersionNumber",
                table: "Acknowledgements",
                columns: new[] { "OrganisationId", "DocumentId", "PersonId", "VersionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_PersonId_VersionId",
                table: "Acknowledgements",
                columns: new[] { "PersonId", "VersionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_VersionId",
                table: "Acknowledgements",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganisationId",
                table: "Agreements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganisationId_EndsOn",
                table: "Agreements",
                columns: new[] { "OrganisationId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganisationId_NoticeBy",
                table: "Agreements",
                columns: new[] { "OrganisationId", "NoticeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganisationId_Supplier",
                table: "Agreements",
                columns: new[] { "OrganisationId", "Supplier" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ResponsibleId",
                table: "Agreements",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSystems_AgreementId_SystemId",
                table: "AgreementSystems",
                columns: new[] { "AgreementId", "SystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSystems_OrganisationId",
                table: "AgreementSystems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSystems_SystemId",
                table: "AgreementSystems",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SecretHash",
                table: "ApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentDelegations_DelegatedById",
                table: "AppointmentDelegations",
                column: "DelegatedById");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentDelegations_OrganisationId",
                table: "AppointmentDelegations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentDelegations_OrganisationId_PersonId_ValidFrom",
                table: "AppointmentDelegations",
                columns: new[] { "OrganisationId", "PersonId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentDelegations_PersonId",
                table: "AppointmentDelegations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorPersonId_Sequence",
                table: "AuditEvents",
                columns: new[] { "ActorPersonId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OrganisationId_ActorPersonId_Action_Sequence",
                table: "AuditEvents",
                columns: new[] { "OrganisationId", "ActorPersonId", "Action", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OrganisationId_Sequence",
                table: "AuditEvents",
                columns: new[] { "OrganisationId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OrganisationId_TimeUtc",
                table: "AuditEvents",
                columns: new[] { "OrganisationId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RecordType_RecordId_Sequence",
                table: "AuditEvents",
                columns: new[] { "RecordType", "RecordId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAudiences_CampaignId",
                table: "CampaignAudiences",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAudiences_OrganisationId",
                table: "CampaignAudiences",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAudiences_UnitId",
                table: "CampaignAudiences",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignReminders_CampaignId_PersonId",
                table: "CampaignReminders",
                columns: new[] { "CampaignId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignReminders_OrganisationId",
                table: "CampaignReminders",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignReminders_PersonId",
                table: "CampaignReminders",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Classifications_ApprovedById",
                table: "Classifications",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_Classifications_OrganisationId",
                table: "Classifications",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Classifications_OrganisationId_IsCurrent_ValidUntil",
                table: "Classifications",
                columns: new[] { "OrganisationId", "IsCurrent", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Classifications_SetId_IsCurrent_ClassifiedOn",
                table: "Classifications",
                columns: new[] { "SetId", "IsCurrent", "ClassifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_OrganisationId",
                table: "ContinuityPlans",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_OrganisationId_NextReview",
                table: "ContinuityPlans",
                columns: new[] { "OrganisationId", "NextReview" });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_ResponsibleId",
                table: "ContinuityPlans",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPlans_SystemId",
                table: "ContinuityPlans",
                column: "SystemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseAudiences_CourseId",
                table: "CourseAudiences",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseAudiences_OrganisationId",
                table: "CourseAudiences",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseAudiences_UnitId",
                table: "CourseAudiences",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisRoles_OrganisationId",
                table: "CrisisRoles",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionDelegations_OrganisationId",
                table: "DecisionDelegations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionDelegations_OrganisationId_PersonId_ValidFrom",
                table: "DecisionDelegations",
                columns: new[] { "OrganisationId", "PersonId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionDelegations_PersonId",
                table: "DecisionDelegations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionDelegations_RecordedById",
                table: "DecisionDelegations",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_DocumentId",
                table: "Deviations",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_OrganisationId",
                table: "Deviations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_OrganisationId_Status_ExpiresOn",
                table: "Deviations",
                columns: new[] { "OrganisationId", "Status", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_OrganisationId_UnitId",
                table: "Deviations",
                columns: new[] { "OrganisationId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_RequestedById",
                table: "Deviations",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_UnitId",
                table: "Deviations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestClaims_OrganisationId",
                table: "DigestClaims",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestClaims_PersonId_Day",
                table: "DigestClaims",
                columns: new[] { "PersonId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganisationId",
                table: "Documents",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganisationId_NextReview",
                table: "Documents",
                columns: new[] { "OrganisationId", "NextReview" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganisationId_Title_Id",
                table: "Documents",
                columns: new[] { "OrganisationId", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganisationId_Type_Id",
                table: "Documents",
                columns: new[] { "OrganisationId", "Type", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganisationId_UnitId",
                table: "Documents",
                columns: new[] { "OrganisationId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OwnerId",
                table: "Documents",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ParentId",
                table: "Documents",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_UnitId",
                table: "Documents",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_DocumentId_Number",
                table: "DocumentVersions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_OrganisationId",
                table: "DocumentVersions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_OrganisationId_Status_DocumentId",
                table: "DocumentVersions",
                columns: new[] { "OrganisationId", "Status", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLessons_ExerciseId",
                table: "ExerciseLessons",
                column: "ExerciseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLessons_MeasureId",
                table: "ExerciseLessons",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLessons_OrganisationId",
                table: "ExerciseLessons",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_LeaderId",
                table: "Exercises",
                column: "LeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_OrganisationId",
                table: "Exercises",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_OrganisationId_HeldOn",
                table: "Exercises",
                columns: new[] { "OrganisationId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_OrganisationId_PlannedOn",
                table: "Exercises",
                columns: new[] { "OrganisationId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseSystems_ExerciseId_SystemId",
                table: "ExerciseSystems",
                columns: new[] { "ExerciseId", "SystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseSystems_OrganisationId",
                table: "ExerciseSystems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseSystems_SystemId",
                table: "ExerciseSystems",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentEntries_AuthorId",
                table: "IncidentEntries",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentEntries_IncidentId_AtUtc",
                table: "IncidentEntries",
                columns: new[] { "IncidentId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentEntries_OrganisationId",
                table: "IncidentEntries",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReminders_IncidentId_Kind_Percent_DueUtc",
                table: "IncidentReminders",
                columns: new[] { "IncidentId", "Kind", "Percent", "DueUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReminders_OrganisationId",
                table: "IncidentReminders",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReminders_OrganisationId_HandlerId_SentUtc",
                table: "IncidentReminders",
                columns: new[] { "OrganisationId", "HandlerId", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_HandlerId",
                table: "Incidents",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganisationId",
                table: "Incidents",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganisationId_HandlerId_Status",
                table: "Incidents",
                columns: new[] { "OrganisationId", "HandlerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganisationId_ReportedUtc_Id",
                table: "Incidents",
                columns: new[] { "OrganisationId", "ReportedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganisationId_ReporterId_ReportedUtc",
                table: "Incidents",
                columns: new[] { "OrganisationId", "ReporterId", "ReportedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganisationId_Status_ReportedUtc",
                table: "Incidents",
                columns: new[] { "OrganisationId", "Status", "ReportedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganisationId_Year_Number",
                table: "Incidents",
                columns: new[] { "OrganisationId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ReporterId",
                table: "Incidents",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_UnitId",
                table: "Incidents",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSequences_OrganisationId",
                table: "IncidentSequences",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSequences_OrganisationId_Year",
                table: "IncidentSequences",
                columns: new[] { "OrganisationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSets_IncidentId_SetId",
                table: "IncidentSets",
                columns: new[] { "IncidentId", "SetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSets_OrganisationId",
                table: "IncidentSets",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSets_SetId",
                table: "IncidentSets",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSystems_IncidentId_SystemId",
                table: "IncidentSystems",
                columns: new[] { "IncidentId", "SystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSystems_OrganisationId",
                table: "IncidentSystems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSystems_SystemId_IncidentId",
                table: "IncidentSystems",
                columns: new[] { "SystemId", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSets_OrganisationId",
                table: "InformationSets",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationSets_OrganisationId_Name_Id",
                table: "InformationSets",
                columns: new[] { "OrganisationId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSets_OrganisationId_OwningUnitId_Name",
                table: "InformationSets",
                columns: new[] { "OrganisationId", "OwningUnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSets_OwningUnitId",
                table: "InformationSets",
                column: "OwningUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationSetSystems_OrganisationId",
                table: "InformationSetSystems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationSetSystems_SetId_SystemId",
                table: "InformationSetSystems",
                columns: new[] { "SetId", "SystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationSetSystems_SystemId_SetId",
                table: "InformationSetSystems",
                columns: new[] { "SystemId", "SetId" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSystems_OrganisationId",
                table: "InformationSystems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationSystems_OrganisationId_Name_Id",
                table: "InformationSystems",
                columns: new[] { "OrganisationId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSystems_OrganisationId_NeedHighest_Id",
                table: "InformationSystems",
                columns: new[] { "OrganisationId", "NeedHighest", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSystems_OrganisationId_UnitId_Name",
                table: "InformationSystems",
                columns: new[] { "OrganisationId", "UnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationSystems_UnitId",
                table: "InformationSystems",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirements_OrganisationId",
                table: "LegalRequirements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirements_OrganisationId_Compliance",
                table: "LegalRequirements",
                columns: new[] { "OrganisationId", "Compliance" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirements_OrganisationId_NextReview",
                table: "LegalRequirements",
                columns: new[] { "OrganisationId", "NextReview" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirements_OrganisationId_Reference",
                table: "LegalRequirements",
                columns: new[] { "OrganisationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirements_ResponsibleId",
                table: "LegalRequirements",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirementSystems_LegalRequirementId_SystemId",
                table: "LegalRequirementSystems",
                columns: new[] { "LegalRequirementId", "SystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirementSystems_OrganisationId",
                table: "LegalRequirementSystems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirementSystems_SystemId",
                table: "LegalRequirementSystems",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirementUnits_LegalRequirementId_UnitId",
                table: "LegalRequirementUnits",
                columns: new[] { "LegalRequirementId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirementUnits_OrganisationId",
                table: "LegalRequirementUnits",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalRequirementUnits_UnitId",
                table: "LegalRequirementUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LongTermGoals_OrganisationId",
                table: "LongTermGoals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_LongTermGoals_OrganisationId_Number",
                table: "LongTermGoals",
                columns: new[] { "OrganisationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OrganisationId",
                table: "Measures",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OrganisationId_DueDate_Id",
                table: "Measures",
                columns: new[] { "OrganisationId", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OrganisationId_Status_DueDate",
                table: "Measures",
                columns: new[] { "OrganisationId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Origin_OriginId",
                table: "Measures",
                columns: new[] { "Origin", "OriginId" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OwnerId_DueDate",
                table: "Measures",
                columns: new[] { "OwnerId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_SystemId_DueDate",
                table: "Measures",
                columns: new[] { "SystemId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_UnitId_DueDate",
                table: "Measures",
                columns: new[] { "UnitId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_VerifiedById",
                table: "Measures",
                column: "VerifiedById");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Code",
                table: "Organisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId",
                table: "People",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId_Email",
                table: "People",
                columns: new[] { "OrganisationId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId_Name_Id",
                table: "People",
                columns: new[] { "OrganisationId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId_SearchEmail",
                table: "People",
                columns: new[] { "OrganisationId", "SearchEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId_SearchFamilyName",
                table: "People",
                columns: new[] { "OrganisationId", "SearchFamilyName" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId_SearchName",
                table: "People",
                columns: new[] { "OrganisationId", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OrganisationId_UnitId",
                table: "People",
                columns: new[] { "OrganisationId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_People_UnitId",
                table: "People",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_MeasureId",
                table: "QuestionnaireAnswers",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_OrganisationId",
                table: "QuestionnaireAnswers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_RequirementId",
                table: "QuestionnaireAnswers",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireAnswers_ResponseId_RequirementId",
                table: "QuestionnaireAnswers",
                columns: new[] { "ResponseId", "RequirementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_OrganisationId",
                table: "QuestionnaireResponses",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_QuestionnaireId_UnitId_SystemId",
                table: "QuestionnaireResponses",
                columns: new[] { "QuestionnaireId", "UnitId", "SystemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_RespondentId_SubmittedUtc",
                table: "QuestionnaireResponses",
                columns: new[] { "RespondentId", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_SystemId",
                table: "QuestionnaireResponses",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_UnitId",
                table: "QuestionnaireResponses",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_DocumentId",
                table: "Questionnaires",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_OrganisationId",
                table: "Questionnaires",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_OrganisationId_DueDate",
                table: "Questionnaires",
                columns: new[] { "OrganisationId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_SentById",
                table: "Questionnaires",
                column: "SentById");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_AssessedById",
                table: "RequirementAssessments",
                column: "AssessedById");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_OrganisationId",
                table: "RequirementAssessments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_RequirementId_Status",
                table: "RequirementAssessments",
                columns: new[] { "RequirementId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_SystemId_RequirementId",
                table: "RequirementAssessments",
                columns: new[] { "SystemId", "RequirementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_OrganisationId",
                table: "Requirements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_OrganisationId_Code",
                table: "Requirements",
                columns: new[] { "OrganisationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_OrganisationId_IsActive_Aspect_FromLevel",
                table: "Requirements",
                columns: new[] { "OrganisationId", "IsActive", "Aspect", "FromLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_ApprovedById",
                table: "RiskAnalyses",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_OrganisationId",
                table: "RiskAnalyses",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_OrganisationId_AnalysedOn_Id",
                table: "RiskAnalyses",
                columns: new[] { "OrganisationId", "AnalysedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_OrganisationId_Status_ApprovedOn",
                table: "RiskAnalyses",
                columns: new[] { "OrganisationId", "Status", "ApprovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalyses_PreviousAnalysisId",
                table: "RiskAnalyses",
                column: "PreviousAnalysisId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAnalysisSystems_SystemId_AnalysisId",
                table: "RiskAnalysisSystems",
                columns: new[] { "SystemId", "AnalysisId" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_AcceptedById",
                table: "Risks",
                column: "AcceptedById");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_AnalysisId_Level",
                table: "Risks",
                columns: new[] { "AnalysisId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganisationId",
                table: "Risks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganisationId_Level_Id",
                table: "Risks",
                columns: new[] { "OrganisationId", "Level", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganisationId_Likelihood_Consequence",
                table: "Risks",
                columns: new[] { "OrganisationId", "Likelihood", "Consequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganisationId_ResidualLikelihood_ResidualConsequence",
                table: "Risks",
                columns: new[] { "OrganisationId", "ResidualLikelihood", "ResidualConsequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OwnerId",
                table: "Risks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_ThreatId",
                table: "Risks",
                column: "ThreatId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskSettings_OrganisationId",
                table: "RiskSettings",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_AppointedById",
                table: "RoleAssignments",
                column: "AppointedById");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_OrganisationId",
                table: "RoleAssignments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_OrganisationId_PersonId_ValidFrom",
                table: "RoleAssignments",
                columns: new[] { "OrganisationId", "PersonId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_OrganisationId_Role_ScopeId",
                table: "RoleAssignments",
                columns: new[] { "OrganisationId", "Role", "ScopeId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_OrganisationId_ValidFrom_Id",
                table: "RoleAssignments",
                columns: new[] { "OrganisationId", "ValidFrom", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_OrganisationId_ValidTo_Id",
                table: "RoleAssignments",
                columns: new[] { "OrganisationId", "ValidTo", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_PersonId",
                table: "RoleAssignments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SystemDependencies_DependsOnId",
                table: "SystemDependencies",
                column: "DependsOnId");

            migrationBuilder.CreateIndex(
                name: "IX_SystemDependencies_OrganisationId",
                table: "SystemDependencies",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SystemDependencies_SystemId_DependsOnId",
                table: "SystemDependencies",
                columns: new[] { "SystemId", "DependsOnId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Threats_OrganisationId",
                table: "Threats",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Threats_OrganisationId_Code",
                table: "Threats",
                columns: new[] { "OrganisationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_CourseId_PersonId_CompletedOn",
                table: "TrainingCompletions",
                columns: new[] { "CourseId", "PersonId", "CompletedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_OrganisationId",
                table: "TrainingCompletions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_PersonId_CourseId",
                table: "TrainingCompletions",
                columns: new[] { "PersonId", "CourseId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_OrganisationId",
                table: "TrainingCourses",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_OrganisationId_Title",
                table: "TrainingCourses",
                columns: new[] { "OrganisationId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganisationId",
                table: "Units",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganisationId_Kind_Id",
                table: "Units",
                columns: new[] { "OrganisationId", "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganisationId_Name_Id",
                table: "Units",
                columns: new[] { "OrganisationId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganisationId_ParentId_Name",
                table: "Units",
                columns: new[] { "OrganisationId", "ParentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganisationId_Path_Id",
                table: "Units",
                columns: new[] { "OrganisationId", "Path", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_ParentId",
                table: "Units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_ExpiresUtc",
                table: "UserSessions",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyGoals_LongTermGoalId",
                table: "YearlyGoals",
                column: "LongTermGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyGoals_OrganisationId",
                table: "YearlyGoals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyGoals_OrganisationId_Year_LongTermGoalId",
                table: "YearlyGoals",
                columns: new[] { "OrganisationId", "Year", "LongTermGoalId" });

            migrationBuilder.CreateIndex(
                name: "IX_YearlyGoals_OwnerId_Year",
                table: "YearlyGoals",
                columns: new[] { "OwnerId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportJobs_OrganisationId",
                table: "YearlyReportJobs",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportJobs_OrganisationId_Year",
                table: "YearlyReportJobs",
                columns: new[] { "OrganisationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportJobs_RequestedById",
                table: "YearlyReportJobs",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportJobs_Status",
                table: "YearlyReportJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReports_GeneratedById",
                table: "YearlyReports",
                column: "GeneratedById");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReports_NotedRecordedById",
                table: "YearlyReports",
                column: "NotedRecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReports_OrganisationId",
                table: "YearlyReports",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReports_OrganisationId_Year",
                table: "YearlyReports",
                columns: new[] { "OrganisationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportVersions_GeneratedById",
                table: "YearlyReportVersions",
                column: "GeneratedById");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportVersions_OrganisationId",
                table: "YearlyReportVersions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportVersions_ReportId_Number",
                table: "YearlyReportVersions",
                columns: new[] { "ReportId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Acknowledgements");

            migrationBuilder.DropTable(
                name: "AgreementSystems");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AppointmentDelegations");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "CampaignAudiences");

            migrationBuilder.DropTable(
                name: "CampaignReminders");

            migrationBuilder.DropTable(
                name: "Classifications");

            migrationBuilder.DropTable(
                name: "ContinuityPlans");

            migrationBuilder.DropTable(
                name: "CourseAudiences");

            migrationBuilder.DropTable(
                name: "CrisisRoles");

            migrationBuilder.DropTable(
                name: "DecisionDelegations");

            migrationBuilder.DropTable(
                name: "Deviations");

            migrationBuilder.DropTable(
                name: "DigestClaims");

            migrationBuilder.DropTable(
                name: "ExerciseLessons");

            migrationBuilder.DropTable(
                name: "ExerciseSystems");

            migrationBuilder.DropTable(
                name: "IncidentEntries");

            migrationBuilder.DropTable(
                name: "IncidentReminders");

            migrationBuilder.DropTable(
                name: "IncidentSequences");

            migrationBuilder.DropTable(
                name: "IncidentSets");

            migrationBuilder.DropTable(
                name: "IncidentSystems");

            migrationBuilder.DropTable(
                name: "InformationSetSystems");

            migrationBuilder.DropTable(
                name: "LegalRequirementSystems");

            migrationBuilder.DropTable(
                name: "LegalRequirementUnits");

            migrationBuilder.DropTable(
                name: "QuestionnaireAnswers");

            migrationBuilder.DropTable(
                name: "RequirementAssessments");

            migrationBuilder.DropTable(
                name: "RiskAnalysisSystems");

            migrationBuilder.DropTable(
                name: "Risks");

            migrationBuilder.DropTable(
                name: "RiskSettings");

            migrationBuilder.DropTable(
                name: "RoleAssignments");

            migrationBuilder.DropTable(
                name: "SystemDependencies");

            migrationBuilder.DropTable(
                name: "TrainingCompletions");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "YearlyGoals");

            migrationBuilder.DropTable(
                name: "YearlyReportJobs");

            migrationBuilder.DropTable(
                name: "YearlyReportVersions");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "AcknowledgementCampaigns");

            migrationBuilder.DropTable(
                name: "Exercises");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "InformationSets");

            migrationBuilder.DropTable(
                name: "LegalRequirements");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "QuestionnaireResponses");

            migrationBuilder.DropTable(
                name: "Requirements");

            migrationBuilder.DropTable(
                name: "RiskAnalyses");

            migrationBuilder.DropTable(
                name: "Threats");

            migrationBuilder.DropTable(
                name: "TrainingCourses");

            migrationBuilder.DropTable(
                name: "LongTermGoals");

            migrationBuilder.DropTable(
                name: "YearlyReports");

            migrationBuilder.DropTable(
                name: "DocumentVersions");

            migrationBuilder.DropTable(
                name: "InformationSystems");

            migrationBuilder.DropTable(
                name: "Questionnaires");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
